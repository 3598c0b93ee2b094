'use client';
// Small shared pieces of the escalation views: a principal's name as a link that selects it, an edge as a
// sentence, and the statements behind an edge or an admin (computed when opened).
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import type { PrincipalKey } from '@/lib/explorer/assume';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { KIND_TEXT, edgeStatements, refOf, type EdgeStatement, type EscalationEdge } from '@/lib/explorer/escalation';
import type { EntityRef } from '@/lib/explorer/types';

export function PrincipalName({
  account,
  principal,
  onSelect,
}: {
  account: CompiledAccount;
  principal: PrincipalKey;
  onSelect: (ref: EntityRef) => void;
}) {
  const ref = refOf(account, principal);
  return (
    <button
      type="button"
      className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300"
      onClick={() => onSelect(ref)}
    >
      {ref.type} {ref.name}
    </button>
  );
}

export function statementLine(s: EdgeStatement): string {
  const sid = s.sid ? `Sid ${s.sid}` : `statement #${s.statementIndex + 1}`;
  const via = s.via.length > 0 ? ` (${s.via.join(', ')})` : '';
  return `${s.action} on ${s.resource}: ${s.effect} · ${s.policyName} · ${sid}${via}${s.conditional ? ' · with conditions' : ''}`;
}

export function StatementList({ statements }: { statements: EdgeStatement[] }) {
  return (
    <ul className="ml-4 list-disc text-xs text-slate-700 dark:text-slate-300">
      {statements.map((s, i) => (
        <li key={i}>{statementLine(s)}</li>
      ))}
    </ul>
  );
}

/** One edge: "— can create an access key for the user → user bob", with the statements when opened. */
export function EdgeLine({
  account,
  edge,
  onSelect,
}: {
  account: CompiledAccount;
  edge: EscalationEdge;
  onSelect: (ref: EntityRef) => void;
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">
        <span className="text-slate-700 dark:text-slate-300">{KIND_TEXT[edge.kind]}</span>
        {edge.via && <span className="text-slate-600 dark:text-slate-400"> (via {edge.via})</span>}
        {edge.needs && (
          <Badge tone="warning" className="ml-1">
            needs {edge.needs}
          </Badge>
        )}{' '}
        → <PrincipalName account={account} principal={edge.to} onSelect={onSelect} />
      </summary>
      <EdgeStatements account={account} edge={edge} />
    </details>
  );
}

function EdgeStatements({ account, edge }: { account: CompiledAccount; edge: EscalationEdge }) {
  const statements = useMemo(() => edgeStatements(account, edge), [account, edge]);
  return <StatementList statements={statements} />;
}

/** A path as a chain of edges from its start. */
export function PathLine({
  account,
  from,
  edges,
  onSelect,
}: {
  account: CompiledAccount;
  from: PrincipalKey;
  edges: EscalationEdge[];
  onSelect: (ref: EntityRef) => void;
}) {
  return (
    <div className="space-y-0.5">
      <PrincipalName account={account} principal={from} onSelect={onSelect} />
      <ol className="ml-4 space-y-0.5 border-l border-slate-300 pl-3 dark:border-slate-700">
        {edges.map((edge, i) => (
          <li key={i}>
            <EdgeLine account={account} edge={edge} onSelect={onSelect} />
          </li>
        ))}
      </ol>
    </div>
  );
}
