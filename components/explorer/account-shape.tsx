'use client';
// The account's shape: one path tree over users, groups and roles (counts per node), the entities under the
// selected path (virtualised), and the graph of the selected principal.
import { useVirtualizer } from '@tanstack/react-virtual';
import dynamic from 'next/dynamic';
import { useMemo, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { LoadingBlock } from '@/components/ui/spinner';
import { cn } from '@/components/ui/cn';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import { principalGraph } from '@/lib/explorer/graph';
import {
  buildExplorerPathTree,
  entitiesOf,
  entitiesUnder,
  pathAncestors,
  visiblePathNodes,
  type KindCounts,
} from '@/lib/explorer/path-tree';
import type { EntityRef } from '@/lib/explorer/types';
import { PrincipalPaths, WhatCanView } from './principal-paths';
import type { EscalationState } from './use-escalation';

// React Flow and dagre load only when a principal is shown.
const PrincipalGraphView = dynamic(() => import('./principal-graph').then((m) => m.PrincipalGraphView), {
  ssr: false,
  loading: () => <LoadingBlock label="Drawing the graph…" />,
});

function countsText(count: KindCounts): string {
  return `${count.users} users, ${count.groups} groups, ${count.roles} roles`;
}

function PathTree({ account, path, onPath }: { account: CompiledAccount; path: string; onPath: (path: string) => void }) {
  const entities = useMemo(() => entitiesOf(account.snapshot), [account]);
  const tree = useMemo(() => buildExplorerPathTree(entities), [entities]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(pathAncestors(path)));
  const rows = visiblePathNodes(tree, expanded);
  const toggle = (p: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(p)) next.delete(p);
      else next.add(p);
      return next;
    });
  return (
    <ul
      role="tree"
      aria-label="Paths"
      className="max-h-[26rem] overflow-auto rounded-md border border-slate-200 p-1 text-sm dark:border-slate-800"
    >
      {rows.map(({ node, depth }) => {
        const open = expanded.has(node.path);
        const selected = node.path === path;
        return (
          <li
            key={node.path}
            role="treeitem"
            aria-selected={selected}
            aria-expanded={node.children.length > 0 ? open : undefined}
            aria-level={depth + 1}
            className="list-none"
          >
            <div
              className={cn('flex items-center gap-1 rounded px-1', selected && 'bg-blue-100 dark:bg-sky-950')}
              style={{ paddingLeft: depth * 14 }}
            >
              <button
                type="button"
                className="h-6 w-6 shrink-0 rounded text-xs hover:bg-slate-200 disabled:opacity-0 dark:hover:bg-slate-800"
                disabled={node.children.length === 0}
                aria-label={`${open ? 'Collapse' : 'Expand'} ${node.path}`}
                onClick={() => toggle(node.path)}
              >
                {open ? '▾' : '▸'}
              </button>
              <button
                type="button"
                className="flex min-w-0 flex-1 items-center justify-between gap-2 py-1 text-left"
                onClick={() => onPath(node.path)}
                title={countsText(node.count)}
              >
                <span className="truncate font-mono">{node.path === '/' ? '/' : `${node.name}/`}</span>
                <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400" aria-label={countsText(node.count)}>
                  {node.count.users}u · {node.count.groups}g · {node.count.roles}r
                </span>
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function EntityList({
  account,
  path,
  selected,
  onSelect,
}: {
  account: CompiledAccount;
  path: string;
  selected?: EntityRef;
  onSelect: (ref: EntityRef) => void;
}) {
  const [filter, setFilter] = useState('');
  const entities = useMemo(() => entitiesOf(account.snapshot), [account]);
  const list = useMemo(() => {
    const lower = filter.trim().toLowerCase();
    const under = entitiesUnder(entities, path);
    return lower ? under.filter((e) => e.name.toLowerCase().includes(lower)) : under;
  }, [entities, path, filter]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: list.length, getScrollElement: () => parent.current, estimateSize: () => 36, overscan: 10 });
  return (
    <div className="space-y-2">
      <Input
        label={`Under ${path} (${list.length})`}
        placeholder="Filter by name"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div ref={parent} className="h-[22rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
        <ul aria-label="Users, groups and roles under the path" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entity = list[item.index];
            const isSelected = selected?.type === entity.type && selected.name === entity.name;
            return (
              <li
                key={item.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <button
                  type="button"
                  aria-pressed={isSelected}
                  onClick={() => onSelect({ type: entity.type, name: entity.name })}
                  className={cn(
                    'flex h-full w-full items-center gap-2 px-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800',
                    isSelected && 'bg-blue-100 dark:bg-sky-950',
                  )}
                >
                  <Badge tone={entity.type === 'role' ? 'info' : entity.type === 'group' ? 'warning' : 'neutral'}>{entity.type}</Badge>
                  <span className="truncate">{entity.name}</span>
                  <span className="ml-auto truncate font-mono text-xs text-slate-600 dark:text-slate-400">{entity.path}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** The path tree, the entity list and the selected principal's graph. */
export function AccountShape({
  account,
  escalation,
  path,
  principal,
  onPath,
  onSelect,
}: {
  account: CompiledAccount;
  escalation?: EscalationState;
  path: string;
  principal?: EntityRef;
  onPath: (path: string) => void;
  onSelect: (ref: EntityRef) => void;
}) {
  const graph = useMemo(() => (principal ? principalGraph(account, principal) : undefined), [account, principal]);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <PathTree account={account} path={path} onPath={onPath} />
        <EntityList account={account} path={path} selected={principal} onSelect={onSelect} />
      </div>
      {principal && graph && (
        <section aria-labelledby="graph-heading">
          <h3 id="graph-heading" className="mb-2 text-base font-semibold">
            {principal.type} {principal.name}
          </h3>
          {graph.missing ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              There is no {principal.type} named {principal.name} in this account.
            </p>
          ) : (
            <div className="space-y-6">
              <PrincipalGraphView graph={graph} onSelect={onSelect} />
              {principal.type !== 'group' && (
                <>
                  <PrincipalPaths account={account} escalation={escalation} principal={principal} onSelect={onSelect} />
                  <WhatCanView account={account} principal={principal} />
                </>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
