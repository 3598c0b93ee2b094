// Account settings: the account's sign-in URL and alias, the current session, the password policy (rules and
// editor), the credential report.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CredentialReport } from '@/components/account/credential-report';
import { PasswordPolicyEditor } from '@/components/account/password-policy-editor';
import { AccountAliasForm } from '@/components/sign-in/account-alias-form';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { iamClientFor } from '@/lib/console/clients';
import { toActionError } from '@/lib/console/errors';
import { passwordPolicyRules, readPasswordPolicy } from '@/lib/console/password-policy';
import { consolePublicOrigin } from '@/lib/console/public-url';
import { requireConsoleSession } from '@/lib/console/session';
import { deleteAccountAlias, getAccountAlias, setAccountAlias } from './actions';
import { formatTime } from '@/components/ui/time';

export const metadata = { title: 'Account settings' };

const METHODS = { root: 'Root user e-mail and password', user: 'IAM user name and password', 'access-keys': 'Access keys' } as const;

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const session = await requireConsoleSession();
  const { principal } = session;
  const base = await consolePublicOrigin();
  const policy = await readPasswordPolicy(iamClientFor(session.credentials));
  return (
    <div className="space-y-6">
      <PageHeader title="Account settings" description="How people sign in to this account." />
      <Card id="sign-in-url" title="Sign-in URL">
        <p className="text-sm">IAM users of this account sign in at:</p>
        <ul className="mt-2 space-y-1 font-mono text-sm">
          <li data-testid="sign-in-url-id">{`${base}/sign-in/${principal.accountId}`}</li>
          {principal.accountAlias && <li data-testid="sign-in-url-alias">{`${base}/sign-in/${principal.accountAlias}`}</li>}
        </ul>
      </Card>
      <Card id="alias" title="Account alias">
        <AccountAliasForm getAccountAlias={getAccountAlias} setAccountAlias={setAccountAlias} deleteAccountAlias={deleteAccountAlias} />
      </Card>
      <Card id="session" title="Your session">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Principal</dt>
          <dd className="break-all font-mono">{principal.arn}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Type</dt>
          <dd>
            <Badge>{principal.type}</Badge>
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">Signed in with</dt>
          <dd>{METHODS[session.method]}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Session ends</dt>
          <dd>
            <time dateTime={session.expiresAt.toISOString()}>{formatTime(session.expiresAt, { seconds: true })}</time>
          </dd>
        </dl>
        {principal.type === 'IAMUser' && session.method === 'user' && (
          <p className="mt-3 text-sm">
            <Link className="underline" href="/change-password">
              Change your password
            </Link>
          </p>
        )}
      </Card>
      <Card id="password-rules" title="Password policy">
        <h3 className="mb-1 text-sm font-medium">Current rules</h3>
        {policy.error ? (
          <p className="text-sm">The password policy could not be read: {toActionError(policy.error).message}</p>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5 text-sm">
            {passwordPolicyRules(policy.policy).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 mt-5 text-sm font-medium">Edit</h3>
        <PasswordPolicyEditor />
      </Card>
      <Card id="credential-report" title="Credential report">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          Every user of the account and the state of their credentials: passwords, access keys, MFA, certificates.
        </p>
        <CredentialReport />
      </Card>
    </div>
  );
}
