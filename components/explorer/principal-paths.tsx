'use client';
// A principal's own escalation view: its shortest path to admin, every principal it can come to act as ("paths from
// here"), every principal that can come to act as it ("paths to here"), and what it can do by service ("what can").
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { loadActionLevels } from '@/lib/console/actions/explorer/load-action-levels';
import { keyId } from '@/lib/explorer/assume';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { adminStatements, edgeStatements, keyOfRef, pathsFrom, pathsTo, pathToAdmin } from '@/lib/explorer/escalation';
import type { EntityRef } from '@/lib/explorer/types';
import { whatCan } from '@/lib/explorer/what-can';
import { PathLine, PrincipalName, StatementList } from './escalation-text';
import type { EscalationState } from './use-escalation';

const LIMIT = 50;

export function PrincipalPaths({
  account,
  escalation,
  principal,
  onSelect,
}: {
  account: CompiledAccount;
  escalation: EscalationState | undefined;
  principal: EntityRef;
  onSelect: (ref: EntityRef) => void;
}) {
  const key = useMemo(() => keyOfRef(account, principal), [account, principal]);
  const analysis = escalation?.progress.finished ? escalation.analysis : undefined;
  const data = useMemo(() => {
    if (!analysis || !key) return undefined;
    const admin = analysis.admins.get(keyId(key));
    return {
      admin,
      adminWhy: admin ? (admin.edge ? edgeStatements(account, admin.edge) : adminStatements(account, key)) : [],
      toAdmin: pathToAdmin(analysis, key),
      from: pathsFrom(analysis, key),
      to: pathsTo(analysis, key),
    };
  }, [analysis, key, account]);
  if (!key) return null;
  if (!data) return <LoadingBlock label="Looking for paths…" />;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="principal-paths">
      <section aria-labelledby="paths-from-heading" className="space-y-2">
        <h4 id="paths-from-heading" className="text-sm font-semibold">
          Paths from here
        </h4>
        {data.admin ? (
          <div className="text-sm">
            <Badge tone="danger">admin-equivalent</Badge> {data.admin.text}
            {data.admin.through && (
              <>
                {' '}
                through <PrincipalName account={account} principal={data.admin.through} onSelect={onSelect} />
              </>
            )}
            <StatementList statements={data.adminWhy} />
          </div>
        ) : data.toAdmin ? (
          <div className="text-sm" data-testid="path-to-admin">
            <p className="mb-1">
              <Badge tone="danger">can reach admin</Badge> in {data.toAdmin.edges.length} hop{data.toAdmin.edges.length === 1 ? '' : 's'}:
            </p>
            <PathLine account={account} from={data.toAdmin.from} edges={data.toAdmin.edges} onSelect={onSelect} />
          </div>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">No path to an admin-equivalent principal.</p>
        )}
        <p className="text-xs text-slate-600 dark:text-slate-400">Can come to act as {data.from.length} other principals.</p>
        <ul className="max-h-64 space-y-2 overflow-auto" aria-label="Paths from here">
          {data.from.slice(0, LIMIT).map((p) => (
            <li key={keyId(p.to)}>
              <PathLine account={account} from={key} edges={p.edges} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="paths-to-heading" className="space-y-2">
        <h4 id="paths-to-heading" className="text-sm font-semibold">
          Paths to here
        </h4>
        <p className="text-xs text-slate-600 dark:text-slate-400">{data.to.length} principals can come to act as it.</p>
        <ul className="max-h-64 space-y-2 overflow-auto" aria-label="Paths to here">
          {data.to.slice(0, LIMIT).map((p) => (
            <li key={keyId(p.from)}>
              <PathLine account={account} from={p.from} edges={p.edges} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function WhatCanView({ account, principal }: { account: CompiledAccount; principal: EntityRef }) {
  const catalog = useActionQuery(['explorer-action-levels'], loadActionLevels, {}, { staleTime: Infinity });
  const compiled = useMemo(
    () =>
      (principal.type === 'user' ? account.users : principal.type === 'role' ? account.roles : []).find(
        (p) => p.ref.name === principal.name,
      ),
    [account, principal],
  );
  const result = useMemo(
    () => (catalog.data && compiled ? whatCan(account, compiled, catalog.data) : undefined),
    [catalog.data, compiled, account],
  );
  if (!compiled) return null;
  if (catalog.isError) return <ErrorState error={actionErrorOf(catalog.error)!} title="The action catalogue could not be read" />;
  if (!result) return <LoadingBlock label="Reading the action catalogue…" />;
  const allowed = result.services.filter((s) => s.allowed > 0);
  return (
    <section aria-labelledby="what-can-heading" className="space-y-2" data-testid="what-can">
      <h4 id="what-can-heading" className="text-sm font-semibold">
        What it can do ({allowed.length} services, {result.fullServices} in full)
      </h4>
      <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
            <tr>
              <th className="px-2 py-1">Service</th>
              <th className="px-2 py-1">Access</th>
              <th className="px-2 py-1">Granted by</th>
            </tr>
          </thead>
          <tbody>
            {result.services.map((s) => (
              <tr key={s.prefix} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid="what-can-row">
                <td className="px-2 py-1">
                  <div className="font-medium">{s.name}</div>
                  <div className="font-mono text-slate-600 dark:text-slate-400">{s.prefix}</div>
                </td>
                <td className="px-2 py-1">
                  {s.allowed === s.total ? 'Full access' : s.allowed === 0 ? 'None' : `${s.allowed} of ${s.total} actions`}
                  <ul>
                    {s.levels
                      .filter((l) => l.allowed > 0)
                      .map((l) => (
                        <li key={l.level}>
                          {l.level}: {l.allowed === l.total ? 'all' : `${l.allowed}/${l.total}`}
                          {l.allowed <= 5 && l.allowed < l.total ? ` (${l.actions.join(', ')})` : ''}
                        </li>
                      ))}
                  </ul>
                  {s.denied.length > 0 && (
                    <div className="text-red-800 dark:text-red-300">
                      Denied: {s.denied.slice(0, 8).join(', ')}
                      {s.denied.length > 8 ? '…' : ''}
                    </div>
                  )}
                  {s.outsideBoundary > 0 && (
                    <div className="text-amber-800 dark:text-amber-300">
                      {s.outsideBoundary} allowed by identity policies but outside the boundary
                    </div>
                  )}
                </td>
                <td className="px-2 py-1">
                  {s.grants.map((g, i) => (
                    <div key={i}>
                      {g.policyName} · {g.sid ? `Sid ${g.sid}` : `statement #${g.statementIndex + 1}`}
                      {g.via.length > 0 ? ` (${g.via.join(', ')})` : ''}
                      {g.notAction ? ' · NotAction' : ''}
                      {g.scoped ? ' · some resources' : ''}
                      {g.conditional ? ' · with conditions' : ''}
                    </div>
                  ))}
                  {s.partialDenies.map((d, i) => (
                    <div key={`d${i}`} className="text-red-800 dark:text-red-300">
                      Deny {d.policyName} · {d.sid ? `Sid ${d.sid}` : `statement #${d.statementIndex + 1}`} (some resources or conditions)
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
