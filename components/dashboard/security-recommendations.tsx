// Dashboard: security recommendations computed from the summary, the credential report and the password policy.
import type { IAMClient } from '@aws-sdk/client-iam';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { attempt } from '@/lib/console/action';
import { readAccountSummary } from '@/lib/console/account-summary';
import { loadCredentialReport } from '@/lib/console/credential-report';
import { toActionError } from '@/lib/console/errors';
import { readPasswordPolicy } from '@/lib/console/password-policy';
import { computeRecommendations, type Severity } from '@/lib/console/security-recommendations';

const TONE: Record<Severity, BadgeTone> = { high: 'danger', medium: 'warning', low: 'neutral' };

export async function SecurityRecommendations({ iam }: { iam: IAMClient }) {
  const [summary, report, policy] = await Promise.all([
    readAccountSummary(iam),
    attempt(() => loadCredentialReport(iam)),
    readPasswordPolicy(iam),
  ]);
  if (!summary.ok && !report.ok && policy.error) {
    return <ErrorState error={summary.error} title="Security recommendations could not be computed" />;
  }
  const recommendations = computeRecommendations({
    summary: summary.ok ? summary.data : undefined,
    report: report.ok ? report.data : undefined,
    hasPasswordPolicy: policy.error ? undefined : Boolean(policy.policy),
    now: new Date(),
  });
  const gaps = [
    !summary.ok && `the account summary (${summary.error.message})`,
    !report.ok && `the credential report (${report.error.message})`,
    policy.error !== undefined && `the password policy (${toActionError(policy.error).message})`,
  ].filter(Boolean);
  return (
    <div className="space-y-3">
      {gaps.length > 0 && (
        <Alert tone="warning" title="Some checks could not run">
          Could not read {gaps.join('; ')}.
        </Alert>
      )}
      {recommendations.length === 0 ? (
        <Alert tone="success">No recommendations: the checks that could run found nothing to fix.</Alert>
      ) : (
        <ul className="space-y-3" data-testid="recommendations">
          {recommendations.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[r.severity]}>{r.severity}</Badge>
                <h3 className="font-medium">{r.title}</h3>
              </div>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{r.detail}</p>
              {r.subjects.length > 0 && (
                <ul className="mt-2 space-y-0.5 text-sm">
                  {r.subjects.slice(0, 20).map((s, i) => (
                    <li key={`${s.arn}-${i}`} className="break-all">
                      <span className="font-medium">{s.name}</span>{' '}
                      <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{s.arn}</span>
                      {s.note && <span className="text-slate-600 dark:text-slate-400"> — {s.note}</span>}
                    </li>
                  ))}
                  {r.subjects.length > 20 && <li className="text-slate-600 dark:text-slate-400">and {r.subjects.length - 20} more</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
