// /change-password: required before anything else when the password must be reset; shows the account's rules.
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { ChangePasswordForm } from '@/components/sign-in/change-password-form';
import { toActionError } from '@/lib/console/errors';
import { passwordPolicyRules, readOwnPasswordPolicy } from '@/lib/console/password-policy';
import { getConsoleSessionState } from '@/lib/console/session';
import { changePassword, finishPasswordChange } from './actions';

export const metadata = { title: 'Change password' };

export default async function Page() {
  const state = await getConsoleSessionState();
  if (state.status !== 'active') redirect(state.status === 'expired' ? '/sign-in?reason=expired' : '/sign-in');
  const { session } = state;
  if (session.principal.type !== 'IAMUser') redirect('/');
  const { policy, error } = await readOwnPasswordPolicy(session.credentials);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">
          {session.passwordResetRequired ? 'You must change your password' : 'Change your password'}
        </h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Signed in as <span className="break-all font-mono">{session.principal.arn}</span>
        </p>
      </div>
      {session.passwordResetRequired && (
        <Alert tone="warning">Your administrator requires a new password before you can use the console.</Alert>
      )}
      <section aria-labelledby="policy-heading" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
        <h2 id="policy-heading" className="font-medium">
          Password requirements
        </h2>
        {error ? (
          <p className="mt-1">The account password policy could not be read: {toActionError(error).message}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="password-rules">
            {passwordPolicyRules(policy).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        )}
      </section>
      <ChangePasswordForm changePassword={changePassword} finishPasswordChange={finishPasswordChange} />
      <div className="flex justify-end">
        <SignOutButton />
      </div>
    </div>
  );
}
