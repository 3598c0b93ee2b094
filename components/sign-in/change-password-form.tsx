'use client';
// The change-password form: current password, new password twice; the API's policy messages shown in place.
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionError, ActionResult } from '@/lib/console/result';

export interface ChangePasswordFormProps {
  changePassword: (input: {
    oldPassword: string;
    newPassword: string;
    confirmPassword: string;
  }) => Promise<ActionResult<{ changed: boolean }>>;
}

export function ChangePasswordForm({ changePassword }: ChangePasswordFormProps) {
  const [error, setError] = useState<ActionError>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      oldPassword: String(form.get('oldPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
      confirmPassword: String(form.get('confirmPassword') ?? ''),
    };
    setPending(true);
    setError(undefined);
    const result = await changePassword(input).catch(() => ({
      ok: false as const,
      error: { code: 'NetworkError', message: 'The console could not be reached. Try again.' },
    }));
    if (result.ok) {
      window.location.assign('/');
      return;
    }
    if (result.error.code === 'SessionExpired' || result.error.code === 'NotSignedIn') {
      window.location.assign('/sign-in?reason=expired');
      return;
    }
    setError(result.error);
    setPending(false);
  };
  // PasswordPolicyViolation concerns the new password even though the API names no field.
  const field = error?.code === 'PasswordPolicyViolation' ? 'newPassword' : error?.field;
  const fieldError = (name: string) => (field === name ? error?.message : undefined);
  return (
    <form onSubmit={submit} className="space-y-4">
      <Input
        label="Current password"
        name="oldPassword"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        error={fieldError('oldPassword')}
      />
      <Input
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError('newPassword')}
      />
      <Input
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError('confirmPassword')}
      />
      {error && !field && (
        <Alert tone="error" title={error.code === 'AccessDenied' ? 'Access denied' : 'The password was not changed'}>
          {error.message}
        </Alert>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        Change password
      </Button>
    </form>
  );
}
