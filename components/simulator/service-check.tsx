'use client';
// "Check with the service": the target's own simulator answers the same question; disagreements side by side.
import type { Decision } from '@/lib/policy';
import type { ServiceDecision } from '@/lib/console/actions/simulator/check-with-service';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DecisionBadge } from './decision';

export interface ServiceCheckResult {
  api: string;
  decisions: ServiceDecision[];
  notes: string[];
}

export function ServiceCheck({
  result,
  error,
  pending,
  onCheck,
  localDecision,
  disabled,
}: {
  result?: ServiceCheckResult;
  error?: string;
  pending: boolean;
  onCheck: () => void;
  localDecision: (action: string, resource: string) => Decision | undefined;
  disabled: boolean;
}) {
  const rows = (result?.decisions ?? []).map((d) => ({ ...d, local: localDecision(d.action, d.resource) }));
  const disagreements = rows.filter((r) => r.local !== undefined && r.local !== r.decision);
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <Button onClick={onCheck} pending={pending} disabled={disabled}>
          Check with the service
        </Button>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          Asks the IAM endpoint&apos;s own simulator (SimulatePrincipalPolicy or SimulateCustomPolicy).
        </span>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {result && (
        <>
          <p className="text-sm" data-testid="service-summary">
            {result.api}: {rows.length} answers,{' '}
            {disagreements.length === 0 ? 'all agree with the local simulation' : `${disagreements.length} disagree`}.
          </p>
          {result.notes.map((n) => (
            <p key={n} className="text-xs text-slate-600 dark:text-slate-400">
              {n}
            </p>
          ))}
          <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
            <table className="min-w-full text-xs" data-testid="service-comparison">
              <caption className="sr-only">Local and service decisions</caption>
              <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
                <tr>
                  <th className="px-2 py-1 text-left">Action</th>
                  <th className="px-2 py-1 text-left">Resource</th>
                  <th className="px-2 py-1 text-left">Local</th>
                  <th className="px-2 py-1 text-left">Service</th>
                  <th className="px-2 py-1 text-left">Service matched statements</th>
                </tr>
              </thead>
              <tbody>
                {[...disagreements, ...rows.filter((r) => !disagreements.includes(r))].map((r, i) => (
                  <tr
                    key={i}
                    className={`border-t border-slate-200 dark:border-slate-800 ${disagreements.includes(r) ? 'bg-red-50 dark:bg-red-950' : ''}`}
                    data-testid="service-row"
                    data-agree={String(!disagreements.includes(r))}
                  >
                    <td className="px-2 py-1 font-mono">{r.action}</td>
                    <td className="break-all px-2 py-1 font-mono">{r.resource}</td>
                    <td className="px-2 py-1">{r.local ? <DecisionBadge decision={r.local} /> : '—'}</td>
                    <td className="px-2 py-1">
                      <DecisionBadge decision={r.decision} />
                    </td>
                    <td className="px-2 py-1">
                      {r.matchedStatements.map((m) => `${m.sourcePolicyId ?? '?'} ${m.start ?? ''}`).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
