'use client';
// "Every path to admin": the admin-equivalent principals with what makes them so, everyone who can reach admin with
// a shortest path (drawn in the account graph when chosen), and the whole-account graph with its filters.
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadingBlock, ProgressBar } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import { escalationEdgeId } from '@/lib/explorer/account-graph';
import type { PrincipalKey } from '@/lib/explorer/assume';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { adminStatements, edgeStatements, whoCanReachAdmin, type AdminPath, type AdminReason } from '@/lib/explorer/escalation';
import type { EntityRef } from '@/lib/explorer/types';
import { PathLine, PrincipalName, StatementList } from './escalation-text';
import type { EscalationState } from './use-escalation';

const AccountGraphView = dynamic(() => import('./account-graph-view').then((m) => m.AccountGraphView), {
  ssr: false,
  loading: () => <LoadingBlock label="Drawing the account graph…" />,
});

const LIST_LIMIT = 200;

function parseKey(id: string): PrincipalKey {
  const [kind, index] = id.split(':');
  return { kind: kind as 'user' | 'role', index: Number(index) };
}

function AdminRow({
  account,
  id,
  reason,
  onSelect,
}: {
  account: CompiledAccount;
  id: string;
  reason: AdminReason;
  onSelect: (ref: EntityRef) => void;
}) {
  const key = parseKey(id);
  const [open, setOpen] = useState(false);
  const statements = useMemo(
    () => (open ? (reason.edge ? edgeStatements(account, reason.edge) : adminStatements(account, key)) : []),
    [open, account, reason, key],
  );
  return (
    <li className="border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-800" data-testid="admin-row">
      <div className="flex flex-wrap items-center gap-2">
        <PrincipalName account={account} principal={key} onSelect={onSelect} />
        <Badge tone={reason.kind === 'allows-everything' ? 'danger' : 'warning'}>
          {reason.kind === 'allows-everything' ? 'allowed * on *' : 'can grant itself admin'}
        </Badge>
        <span className="text-xs text-slate-700 dark:text-slate-300">
          {reason.text}
          {reason.edge?.via ? ` (via ${reason.edge.via})` : ''}
        </span>
        {reason.through && (
          <span className="text-xs">
            through <PrincipalName account={account} principal={reason.through} onSelect={onSelect} />
          </span>
        )}
        <button
          type="button"
          className="text-xs text-blue-800 underline dark:text-sky-300"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide statements' : 'Statements'}
        </button>
      </div>
      {open && <StatementList statements={statements} />}
    </li>
  );
}

function ReachRow({
  account,
  path,
  shown,
  onShow,
  onSelect,
}: {
  account: CompiledAccount;
  path: AdminPath;
  shown: boolean;
  onShow: () => void;
  onSelect: (ref: EntityRef) => void;
}) {
  return (
    <li
      className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-800"
      data-testid="reach-row"
    >
      <PathLine account={account} from={path.from} edges={path.edges} onSelect={onSelect} />
      <div className="flex items-center gap-2">
        <Badge>
          {path.edges.length} hop{path.edges.length === 1 ? '' : 's'}
        </Badge>
        <Button size="sm" variant={shown ? 'primary' : 'secondary'} onClick={onShow} aria-pressed={shown}>
          {shown ? 'Drawn in the graph' : 'Draw in the graph'}
        </Button>
      </div>
    </li>
  );
}

export function AdminPaths({
  account,
  escalation,
  onSelect,
}: {
  account: CompiledAccount;
  escalation: EscalationState | undefined;
  onSelect: (ref: EntityRef) => void;
}) {
  const [tab, setTab] = useState('reach');
  const [shownPath, setShownPath] = useState<AdminPath>();
  const finished = escalation?.progress.finished === true;
  const analysis = escalation?.analysis;
  const reach = useMemo(() => (finished && analysis ? whoCanReachAdmin(analysis) : []), [finished, analysis]);
  const admins = useMemo(() => (finished && analysis ? [...analysis.admins.entries()] : []), [finished, analysis]);
  const highlighted = useMemo(
    () => new Set(shownPath ? shownPath.edges.map((e) => escalationEdgeId(account, e)) : []),
    [account, shownPath],
  );
  if (!escalation) return <LoadingBlock label="Looking for paths to admin…" />;
  if (!finished) {
    return (
      <div className="space-y-1">
        <ProgressBar value={(escalation.progress.done / Math.max(1, escalation.progress.total)) * 100} label="Looking for paths to admin" />
        <p className="text-xs text-slate-600 dark:text-slate-400" role="status">
          Analysed {escalation.progress.done} of {escalation.progress.total} steps…
        </p>
      </div>
    );
  }
  const tabs = [
    {
      id: 'reach',
      label: `Can reach admin (${reach.length})`,
      content:
        reach.length === 0 ? (
          <EmptyState title="No user or role can reach an admin-equivalent principal." />
        ) : (
          <ul
            className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
            aria-label="Principals that can reach admin"
          >
            {reach.slice(0, LIST_LIMIT).map((path) => (
              <ReachRow
                key={`${path.from.kind}:${path.from.index}`}
                account={account}
                path={path}
                shown={shownPath === path}
                onShow={() => {
                  setShownPath(shownPath === path ? undefined : path);
                  setTab('graph');
                }}
                onSelect={onSelect}
              />
            ))}
            {reach.length > LIST_LIMIT && (
              <li className="px-3 py-2 text-xs text-slate-600">…and {reach.length - LIST_LIMIT} more (shortest paths first).</li>
            )}
          </ul>
        ),
    },
    {
      id: 'admins',
      label: `Admin-equivalent (${admins.length})`,
      content:
        admins.length === 0 ? (
          <EmptyState title="No principal is admin-equivalent." />
        ) : (
          <ul
            className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
            aria-label="Admin-equivalent principals"
          >
            {admins.slice(0, LIST_LIMIT).map(([id, reason]) => (
              <AdminRow key={id} account={account} id={id} reason={reason} onSelect={onSelect} />
            ))}
            {admins.length > LIST_LIMIT && <li className="px-3 py-2 text-xs text-slate-600">…and {admins.length - LIST_LIMIT} more.</li>}
          </ul>
        ),
    },
    {
      id: 'graph',
      label: 'Account graph',
      content: (
        <AccountGraphView
          account={account}
          analysis={escalation.analysis}
          highlighted={highlighted}
          highlightedFrom={shownPath?.from}
          onSelect={onSelect}
        />
      ),
    },
  ];
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600 dark:text-slate-400" role="status" data-testid="escalation-status">
        {admins.length} admin-equivalent, {reach.length} can reach admin, {escalation.analysis.edges.length} escalation edges · analysed{' '}
        {account.users.length} users and {account.roles.length} roles in {Math.round(escalation.elapsedMs)} ms.
      </p>
      <Tabs items={tabs} selected={tab} onSelect={setTab} label="Paths to admin" />
    </div>
  );
}
