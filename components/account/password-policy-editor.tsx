'use client';
// The account password policy editor: every field of UpdateAccountPasswordPolicy, the API's own validation
// messages at the field they concern, and removal (back to AWS's defaults) after confirmation.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { deleteAccountPasswordPolicy } from '@/lib/console/actions/account/delete-account-password-policy';
import { getAccountPasswordPolicy, type PasswordPolicyView } from '@/lib/console/actions/account/get-account-password-policy';
import { updateAccountPasswordPolicy } from '@/lib/console/actions/account/update-account-password-policy';

const KEY = ['password-policy'];

interface Draft {
  minimumPasswordLength: string;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  expire: boolean;
  maxPasswordAge: string;
  preventReuse: boolean;
  passwordReusePrevention: string;
  hardExpiry: boolean;
}

function draftOf(p: PasswordPolicyView | null): Draft {
  return {
    minimumPasswordLength: String(p?.minimumPasswordLength ?? 8),
    requireSymbols: p?.requireSymbols ?? false,
    requireNumbers: p?.requireNumbers ?? false,
    requireUppercaseCharacters: p?.requireUppercaseCharacters ?? false,
    requireLowercaseCharacters: p?.requireLowercaseCharacters ?? false,
    allowUsersToChangePassword: p?.allowUsersToChangePassword ?? false,
    expire: !!p?.maxPasswordAge,
    maxPasswordAge: String(p?.maxPasswordAge ?? 90),
    preventReuse: !!p?.passwordReusePrevention,
    passwordReusePrevention: String(p?.passwordReusePrevention ?? 5),
    hardExpiry: p?.hardExpiry ?? false,
  };
}

/** A number from a text field; NaN stays NaN so the API (not the browser) judges it. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function PasswordPolicyEditor() {
  const router = useRouter();
  const policy = useActionQuery(KEY, getAccountPasswordPolicy, {});
  const [edited, setEdited] = useState<Draft>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useActionMutation(updateAccountPasswordPolicy, { invalidates: [KEY], onSuccess: () => router.refresh() });
  const remove = useActionMutation(deleteAccountPasswordPolicy, {
    invalidates: [KEY],
    onSuccess: () => {
      setConfirmDelete(false);
      setEdited(undefined);
      router.refresh();
    },
  });

  if (policy.isPending) return <LoadingBlock label="Reading the password policy…" />;
  if (policy.isError) return <ErrorState error={actionErrorOf(policy.error)!} />;
  // Until the first edit (and again after a delete), the form shows the policy as IAM has it.
  const draft = edited ?? draftOf(policy.data.policy);
  const set = (change: Partial<Draft>) => setEdited({ ...draft, ...change });
  const error = actionErrorOf(save.error);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    save.mutate({
      minimumPasswordLength: Math.trunc(num(draft.minimumPasswordLength)),
      requireSymbols: draft.requireSymbols,
      requireNumbers: draft.requireNumbers,
      requireUppercaseCharacters: draft.requireUppercaseCharacters,
      requireLowercaseCharacters: draft.requireLowercaseCharacters,
      allowUsersToChangePassword: draft.allowUsersToChangePassword,
      maxPasswordAge: draft.expire ? Math.trunc(num(draft.maxPasswordAge)) : undefined,
      passwordReusePrevention: draft.preventReuse ? Math.trunc(num(draft.passwordReusePrevention)) : undefined,
      hardExpiry: draft.expire && draft.hardExpiry,
    });
  };
  const check = (key: keyof Draft, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={draft[key] as boolean} onChange={(e) => set({ [key]: e.target.checked })} />
      {label}
    </label>
  );

  return (
    <form onSubmit={submit} className="max-w-xl space-y-3" noValidate aria-label="Password policy editor">
      {!policy.data.policy && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No custom policy is set: AWS&apos;s default rules apply. Saving creates one.
        </p>
      )}
      <Input
        label="Minimum password length"
        inputMode="numeric"
        value={draft.minimumPasswordLength}
        onChange={(e) => set({ minimumPasswordLength: e.target.value })}
        hint="6 to 128 characters."
        error={fieldError('minimumPasswordLength')}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Password strength</legend>
        {check('requireUppercaseCharacters', 'Require at least one upper-case letter (A–Z)')}
        {check('requireLowercaseCharacters', 'Require at least one lower-case letter (a–z)')}
        {check('requireNumbers', 'Require at least one number (0–9)')}
        {check('requireSymbols', "Require at least one symbol ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '")}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Other requirements</legend>
        {check('allowUsersToChangePassword', 'Allow users to change their own password')}
        {check('expire', 'Turn on password expiration')}
        {draft.expire && (
          <div className="space-y-2 pl-6">
            <Input
              label="Expire passwords after (days)"
              inputMode="numeric"
              value={draft.maxPasswordAge}
              onChange={(e) => set({ maxPasswordAge: e.target.value })}
              hint="1 to 1095 days."
              error={fieldError('maxPasswordAge')}
            />
            {check('hardExpiry', 'Password expiration requires administrator reset')}
          </div>
        )}
        {check('preventReuse', 'Prevent password reuse')}
        {draft.preventReuse && (
          <div className="pl-6">
            <Input
              label="Remember this many previous passwords"
              inputMode="numeric"
              value={draft.passwordReusePrevention}
              onChange={(e) => set({ passwordReusePrevention: e.target.value })}
              hint="1 to 24."
              error={fieldError('passwordReusePrevention')}
            />
          </div>
        )}
      </fieldset>
      {error && !error.field && <ErrorState error={error} title="The password policy was not saved" />}
      {error?.field && !['minimumPasswordLength', 'maxPasswordAge', 'passwordReusePrevention'].includes(error.field) && (
        <ErrorState error={error} title="The password policy was not saved" />
      )}
      {save.isSuccess && <Alert tone="success">Password policy saved.</Alert>}
      {remove.isSuccess && <Alert tone="success">Password policy removed: AWS&apos;s default rules apply.</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={save.isPending}>
          Save password policy
        </Button>
        {policy.data.policy && (
          <Button variant="secondary" onClick={() => setConfirmDelete(true)}>
            Remove policy
          </Button>
        )}
      </div>
      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title="Remove the account password policy?"
        description="IAM users' passwords will only need to meet AWS's default rules."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate({})}>
              Remove policy
            </Button>
          </>
        }
      >
        {remove.error && <ErrorState error={actionErrorOf(remove.error)!} title="The password policy was not deleted" />}
      </Dialog>
    </form>
  );
}
