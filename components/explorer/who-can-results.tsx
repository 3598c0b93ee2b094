'use client';
// The who-can answer: tabs for allowed, through roles (the chain of roles assumed), explicitly and implicitly denied, each a virtualised
// list of principals with the deciding statement (policy name and Sid) and a link to the principal's page.
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Tabs } from '@/components/ui/tabs';
import type { ResultTab } from '@/lib/explorer/url-state';
import type { DecidingStatement, PrincipalVerdict, WhoCanResults } from '@/lib/explorer/who-can';
import { entityHref } from './links';

const TAB_LABELS: Record<ResultTab, string> = {
  allowed: 'Allowed',
  throughRole: 'Through a role',
  explicitDeny: 'Explicitly denied',
  implicitDeny: 'Implicitly denied',
};

const EMPTY: Record<ResultTab, string> = {
  allowed: 'No user or role is allowed.',
  throughRole: 'No user or role reaches it by assuming roles.',
  explicitDeny: 'No Deny statement applies to anyone.',
  implicitDeny: 'Nobody is implicitly denied.',
};

function statementText(s: DecidingStatement): string {
  const sid = s.sid ? `Sid ${s.sid}` : `statement #${s.statementIndex + 1}`;
  const via = s.via.length > 0 ? ` (${s.via.join(', ')})` : '';
  return `${s.effect} · ${s.policyName} · ${sid}${via}`;
}

function VerdictRow({ verdict }: { verdict: PrincipalVerdict }) {
  return (
    <div className="flex flex-col gap-1 border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={verdict.ref.type === 'role' ? 'info' : 'neutral'}>{verdict.ref.type}</Badge>
        <Link href={entityHref(verdict.ref)} className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300">
          {verdict.ref.name}
        </Link>
        <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{verdict.path}</span>
        {verdict.chain && verdict.chain.length > 0 && (
          <span className="text-xs" data-testid="role-chain">
            by assuming{' '}
            {verdict.chain.map((hop, i) => (
              <span key={`${hop.role}-${i}`}>
                {i > 0 && ' → '}
                <Link href={entityHref({ type: 'role', name: hop.role })} className="text-blue-800 underline dark:text-sky-300">
                  {hop.role}
                </Link>
              </span>
            ))}
          </span>
        )}
        {verdict.warnings.length > 0 && (
          <Badge tone="warning" className="cursor-help">
            <span title={verdict.warnings.join('\n')}>
              {verdict.warnings.length} warning{verdict.warnings.length > 1 ? 's' : ''}
            </span>
          </Badge>
        )}
      </div>
      {verdict.chain?.map((hop, i) => (
        <p key={`${hop.role}-${i}`} className="text-xs text-slate-700 dark:text-slate-300">
          sts:AssumeRole {hop.role}: {hop.assume.map(statementText).join('; ')}
        </p>
      ))}
      {verdict.deciding.length > 0 && (
        <p className="text-xs text-slate-700 dark:text-slate-300">
          {verdict.chain?.length ? `${verdict.chain[verdict.chain.length - 1].role}: ` : ''}
          {verdict.deciding.map(statementText).join('; ')}
        </p>
      )}
      {verdict.note && <p className="text-xs text-slate-700 dark:text-slate-300">{verdict.note}</p>}
    </div>
  );
}

function VerdictList({ list, empty, version }: { list: PrincipalVerdict[]; empty: string; version: number }) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: list.length, getScrollElement: () => parent.current, estimateSize: () => 64, overscan: 8 });
  if (list.length === 0) return <EmptyState title={empty} />;
  return (
    <div
      ref={parent}
      className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      role="list"
      aria-label="Principals"
      data-version={version}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="listitem"
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
          >
            <VerdictRow verdict={list[item.index]} />
          </div>
        ))}
      </div>
    </div>
  );
}

export function WhoCanResultsView({
  results,
  version,
  tab,
  onTab,
}: {
  results: WhoCanResults;
  version: number;
  tab: ResultTab;
  onTab: (tab: ResultTab) => void;
}) {
  const tabs = (Object.keys(TAB_LABELS) as ResultTab[]).map((id) => ({
    id,
    label: `${TAB_LABELS[id]} (${results[id].length})`,
    content: <VerdictList list={results[id]} empty={EMPTY[id]} version={version} />,
  }));
  return <Tabs items={tabs} selected={tab} onSelect={(id) => onTab(id as ResultTab)} label="Who can results" />;
}
