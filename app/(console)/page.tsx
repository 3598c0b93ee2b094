// The dashboard: account figures, security recommendations, the latest audit events — each section streams in
// on its own and fails on its own (e.g. AccessDenied for a restricted principal).
import { Suspense, type ReactNode } from 'react';
import { AccountSummary } from '@/components/dashboard/account-summary';
import { RecentAuditEvents } from '@/components/dashboard/recent-audit-events';
import { SecurityRecommendations } from '@/components/dashboard/security-recommendations';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';
import { iamClientFor } from '@/lib/console/clients';
import { consolePublicOrigin } from '@/lib/console/public-url';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Dashboard' };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function DashboardPage() {
  const session = await requireConsoleSession();
  const iam = iamClientFor(session.credentials);
  const { principal } = session;
  const signInUrl = `${await consolePublicOrigin()}/sign-in/${principal.accountAlias ?? principal.accountId}`;
  return (
    <div className="space-y-8">
      <PageHeader
        title="IAM dashboard"
        description={
          <>
            Sign-in URL for IAM users in this account:{' '}
            <span className="font-mono" data-testid="account-sign-in-url">
              {signInUrl}
            </span>
          </>
        }
      />
      <Section id="summary-heading" title="IAM resources">
        <Suspense fallback={<LoadingBlock label="Reading the account summary…" />}>
          <AccountSummary iam={iam} />
        </Suspense>
      </Section>
      <Section id="recommendations-heading" title="Security recommendations">
        <Suspense fallback={<LoadingBlock label="Generating the credential report and checking the account…" />}>
          <SecurityRecommendations iam={iam} />
        </Suspense>
      </Section>
      <Section id="audit-heading" title="Latest audit events">
        <Suspense fallback={<LoadingBlock label="Reading the audit trail…" />}>
          <RecentAuditEvents credentials={session.credentials} />
        </Suspense>
      </Section>
    </div>
  );
}
