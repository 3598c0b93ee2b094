'use client';
// A user's console password: create, change (generated or typed), require a reset, remove (confirmed).
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { createLoginProfile } from '@/lib/console/actions/users/create-login-profile';
import { deleteLoginProfile } from '@/lib/console/actions/users/delete-login-profile';
import { updateLoginProfile } from '@/lib/console/actions/users/update-login-profile';
import { generatePassword } from './credentials-csv';
import { CredentialValue } from './secret-once';
import { useLoginProfile, userKeys } from './use-users';

export function ConsolePasswordSection({ userName }: { userName: string }) {
  const profile = useLoginProfile(userName);
  const invalidates = [userKeys.part(userName, 'login-profile')];
  const [editing, setEditing] = useState(false);
  const [mode, setMode] = useState<'generated' | 'custom'>('generated');
  const [password, setPassword] = useState('');
  const [resetRequired, setResetRequired] = useState(true);
  const [shown, setShown] = useState<string>();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const done = () => setEditing(false);
  const create = useActionMutation(createLoginProfile, { invalidates, onSuccess: done });
  const update = useActionMutation(updateLoginProfile, { invalidates, onSuccess: done });
  const remove = useActionMutation(deleteLoginProfile, { invalidates, onSuccess: () => setConfirmRemove(false) });
  const requireReset = useActionMutation(updateLoginProfile, { invalidates });

  if (profile.isPending) return <LoadingBlock label="Reading console access…" />;
  if (profile.isError) return <ErrorState error={actionErrorOf(profile.error)!} />;
  const current = profile.data.loginProfile;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = mode === 'generated' ? generatePassword(20) : password;
    setShown(mode === 'generated' ? value : undefined);
    if (current) update.mutate({ userName, password: value, passwordResetRequired: resetRequired });
    else create.mutate({ userName, password: value, passwordResetRequired: resetRequired });
  };
  const formError = actionErrorOf(create.error ?? update.error);

  return (
    <div className="space-y-3 text-sm">
      <p>
        {current ? (
          <>
            Console access is <strong>enabled</strong> (password set {current.createDate.slice(0, 10)})
            {current.passwordResetRequired && ', and the user must choose a new password at next sign-in'}.
          </>
        ) : (
          <>
            Console access is <strong>disabled</strong>: the user has no password.
          </>
        )}
      </p>
      {(create.isSuccess || update.isSuccess) && !editing && (
        <Alert tone="success" title={create.isSuccess ? 'Console password created.' : 'Console password changed.'}>
          {shown && <CredentialValue label="New password" value={shown} secret testId="generated-password" />}
        </Alert>
      )}
      {remove.isSuccess && <Alert tone="success">Console access removed.</Alert>}
      {requireReset.isSuccess && <Alert tone="success">The user must choose a new password at next sign-in.</Alert>}
      {requireReset.error && <ErrorState error={actionErrorOf(requireReset.error)!} title="The password reset was not required" />}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            create.reset();
            update.reset();
            setEditing(true);
          }}
        >
          {current ? 'Change password' : 'Enable console access'}
        </Button>
        {current && !current.passwordResetRequired && (
          <Button
            variant="secondary"
            pending={requireReset.isPending}
            onClick={() => requireReset.mutate({ userName, passwordResetRequired: true })}
          >
            Require password reset
          </Button>
        )}
        {current && (
          <Button variant="danger" onClick={() => (remove.reset(), setConfirmRemove(true))}>
            Remove console access
          </Button>
        )}
      </div>
      {editing && (
        <form onSubmit={submit} className="max-w-md space-y-2 rounded border border-slate-200 p-3 dark:border-slate-700">
          <label className="flex items-center gap-2">
            <input type="radio" name="pw-mode" checked={mode === 'generated'} onChange={() => setMode('generated')} /> Generated password
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="pw-mode" checked={mode === 'custom'} onChange={() => setMode('custom')} /> Custom password
          </label>
          {mode === 'custom' && (
            <Input
              label="New console password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={formError?.field === 'password' ? formError.message : undefined}
            />
          )}
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={resetRequired} onChange={(e) => setResetRequired(e.target.checked)} /> User must create a new
            password at next sign-in
          </label>
          {formError && formError.field !== 'password' && <ErrorState error={formError} title="The console password was not saved" />}
          <div className="flex gap-2">
            <Button type="submit" pending={create.isPending || update.isPending}>
              {current ? 'Change password' : 'Create password'}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <Dialog
        open={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        title={`Remove console access of ${userName}?`}
        description="The user's password is deleted; they can no longer sign in to the console. Access keys are not affected."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmRemove(false)}>
              Cancel
            </Button>
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate({ userName })}>
              Remove console access
            </Button>
          </>
        }
      >
        {remove.error && <ErrorState error={actionErrorOf(remove.error)!} title="Console access was not removed" />}
      </Dialog>
    </div>
  );
}
