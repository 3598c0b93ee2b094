'use client';
// The account's risks (admins without MFA, console plus keys, unused credentials and roles, roles trusting anyone or
// other accounts), highest severity first, each with a link to the page where it is fixed.
import Link from 'next/link';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { findRisks, RISK_TITLES } from '@/lib/explorer/risks';
import type { EntityRef } from '@/lib/explorer/types';
import { entityHref } from './links';
import type { EscalationState } from './use-escalation';

const LIMIT = 300;

export function RisksView({ account, escalation }: { account: CompiledAccount; escalation: EscalationState | undefined }) {
  const analysis = escalation?.progress.finished ? escalation.analysis : undefined;
  // The clock is read once per account and analysis (lib/explorer takes it as an input).
  const report = useMemo(() => findRisks(account, analysis, new Date()), [account, analysis]);
  return (
    <div className="space-y-2" data-testid="risks">
      {!analysis && (
        <p className="text-xs text-slate-600 dark:text-slate-400">Admins without MFA are listed once the paths to admin are found.</p>
      )}
      {report.notChecked.map((n) => (
        <p key={n} className="text-xs text-amber-800 dark:text-amber-300">
          Not checked: {n}
        </p>
      ))}
      {report.risks.length === 0 ? (
        <EmptyState title="No risks found." />
      ) : (
        <ul className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800" aria-label="Risks">
          {report.risks.slice(0, LIMIT).map((risk, i) => (
            <li
              key={i}
              className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-800"
              data-testid="risk-row"
            >
              <Badge tone={risk.severity === 'high' ? 'danger' : risk.severity === 'medium' ? 'warning' : 'neutral'}>{risk.severity}</Badge>
              <span className="font-medium">{RISK_TITLES[risk.kind]}</span>
              <Link href={entityHref(risk.principal as EntityRef)} className="text-blue-800 underline dark:text-sky-300">
                {risk.principal.type} {risk.principal.name}
              </Link>
              <span className="text-xs text-slate-700 dark:text-slate-300">{risk.detail}</span>
              <Link href={risk.fix.href} className="ml-auto text-xs text-blue-800 underline dark:text-sky-300">
                {risk.fix.label} →
              </Link>
            </li>
          ))}
          {report.risks.length > LIMIT && <li className="px-3 py-2 text-xs text-slate-600">…and {report.risks.length - LIMIT} more.</li>}
        </ul>
      )}
    </div>
  );
}
