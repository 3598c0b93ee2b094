'use client';
// The change-password form: current password, new password twice; the API's policy messages shown in place. When
// a forced change needs the user's MFA code to end in a full session, the form asks for it next.
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionError, ActionResult } from '@/lib/console/result';

/** How a change ended (app/(auth)/change-password/actions.ts). */
export interface PasswordChangeResult {
  changed: boolean;
  mfaRequired?: boolean;
  mfaError?: string;
  signInAgain?: boolean;
}

export interface ChangePasswordFormProps {
  changePassword: (input: {
    oldPassword: string;
    newPassword: string;
    confirmPassword: string;
  }) => Promise<ActionResult<PasswordChangeResult>>;
  finishPasswordChange: (input: { newPassword: string; mfaCode: string }) => Promise<ActionResult<PasswordChangeResult>>;
}

const unreachable = () => ({
  ok: false as const,
  error: { code: 'NetworkError', message: 'The console could not be reached. Try again.' },
});

export function ChangePasswordForm({ changePassword, finishPasswordChange }: ChangePasswordFormProps) {
  const [error, setError] = useState<ActionError>();
  const [pending, setPending] = useState(false);
  /** The new password, kept once it is changed and an MFA code must still be given. */
  const [changedTo, setChangedTo] = useState<string>();
  const settle = (result: ActionResult<PasswordChangeResult>, newPassword: string) => {
    if (result.ok) {
      if (result.data.signInAgain) return window.location.assign('/sign-in?reason=password-changed');
      if (!result.data.mfaRequired) return window.location.assign('/');
      setChangedTo(newPassword);
      if (result.data.mfaError) setError({ code: 'MfaCode', message: result.data.mfaError, field: 'mfaCode' });
      setPending(false);
      return;
    }
    if (result.error.code === 'SessionExpired' || result.error.code === 'NotSignedIn')
      return window.location.assign('/sign-in?reason=expired');
    setError(result.error);
    setPending(false);
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    if (changedTo !== undefined) {
      const input = { newPassword: changedTo, mfaCode: String(form.get('mfaCode') ?? '') };
      settle(await finishPasswordChange(input).catch(unreachable), changedTo);
      return;
    }
    const input = {
      oldPassword: String(form.get('oldPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
      confirmPassword: String(form.get('confirmPassword') ?? ''),
    };
    settle(await changePassword(input).catch(unreachable), input.newPassword);
  };
  // PasswordPolicyViolation concerns the new password even though the API names no field.
  const field = error?.code === 'PasswordPolicyViolation' ? 'newPassword' : error?.field;
  const fieldError = (name: string) => (field === name ? error?.message : undefined);
  if (changedTo !== undefined) {
    return (
      <form onSubmit={submit} className="space-y-4">
        <Alert tone="success">Your password was changed. Enter the code from your MFA device to finish signing in.</Alert>
        <Input
          label="MFA code"
          name="mfaCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          error={fieldError('mfaCode')}
        />
        {error && !field && (
          <Alert tone="error" title="Not signed in yet">
            {error.message}
          </Alert>
        )}
        <Button type="submit" className="w-full" pending={pending}>
          Continue
        </Button>
      </form>
    );
  }
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
