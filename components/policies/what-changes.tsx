'use client';
// "What changes": before a policy is saved over an existing one, IAM Access Analyzer's CheckNoNewAccess verdict
// with the statements that grant new access, and (identity policies) the newly allowed actions and resources.
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { checkNewAccess } from '@/lib/console/actions/policies/check-new-access';

/** The value after it has stopped changing for `ms` (so typing does not send a check per keystroke). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function WhatChanges({
  before,
  after,
  policyType,
  enabled,
}: {
  before: string;
  after: string;
  policyType: 'identity' | 'trust';
  enabled: boolean;
}) {
  const settled = useSettled(after, 500);
  const active = enabled && before !== settled;
  const report = useActionQuery(
    ['new-access', policyType, before, settled],
    checkNewAccess,
    { before, after: settled, policyType },
    { enabled: active, staleTime: 300_000 },
  );
  if (!enabled) return null;
  return (
    <section
      aria-label="What changes"
      data-testid="what-changes"
      className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <h3 className="font-medium">What changes</h3>
      {before === after ? (
        <p className="text-slate-600 dark:text-slate-300">No change from the saved policy.</p>
      ) : !active || report.isPending ? (
        <LoadingBlock label="Checking for new access…" />
      ) : report.isError ? (
        <ErrorState error={actionErrorOf(report.error)!} title="The change could not be checked" />
      ) : (
        <>
          <p className="flex items-center gap-2">
            <Badge tone={report.data.result === 'PASS' ? 'success' : 'warning'}>
              {report.data.result === 'PASS' ? 'No new access' : 'New access'}
            </Badge>
            {report.data.message}
          </p>
          {report.data.reasons.length > 0 && (
            <ul className="list-disc pl-5" data-testid="new-access-reasons">
              {report.data.reasons.map((r) => (
                <li key={`${r.statementIndex}-${r.description}`}>
                  {r.statementId ? `Statement ${r.statementIndex} ("${r.statementId}"): ` : ''}
                  {r.description}
                </li>
              ))}
            </ul>
          )}
          {report.data.newlyAllowed && report.data.newlyAllowed.length > 0 && (
            <div data-testid="newly-allowed">
              <p className="font-medium">Newly allowed (conditions assumed to hold)</p>
              <ul className="mt-1 max-h-40 space-y-1 overflow-y-auto font-mono text-xs">
                {report.data.newlyAllowed.map((c) => (
                  <li key={c.action}>
                    <span className="font-semibold">{c.action}</span> on {c.resources.join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
