'use client';
// The whole-account graph (React Flow, laid out with dagre): filters by path prefix and kind, escalation edges in
// red, a chosen path to admin drawn thick; at most 500 nodes, with the same edges listed for keyboard users.
import dagre from '@dagrejs/dagre';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { Input } from '@/components/ui/input';
import { accountGraph, principalNodeId, type AccountGraph, type AccountNodeKind } from '@/lib/explorer/account-graph';
import type { PrincipalKey } from '@/lib/explorer/assume';
import type { CompiledAccount } from '@/lib/explorer/compile-account';
import type { EscalationAnalysis } from '@/lib/explorer/escalation';
import type { EntityRef } from '@/lib/explorer/types';

const NODE_WIDTH = 170;
const NODE_HEIGHT = 40;
const LIMIT = 500;
const BORDER: Record<AccountNodeKind, string> = { user: '#3b82f6', group: '#8b5cf6', role: '#10b981', policy: '#94a3b8' };
const KIND_NAMES: Record<AccountNodeKind, string> = { user: 'Users', group: 'Groups', role: 'Roles', policy: 'Managed policies' };

/** Runs `work` and records its duration as a performance measure (read by bench/explorer-browser.ts). */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

function layout(graph: AccountGraph, highlighted: ReadonlySet<string>, start: string | undefined): { nodes: Node[]; edges: Edge[] } {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 60 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target, {}, edge.id);
  dagre.layout(g);
  const onPath = new Set<string>();
  for (const edge of graph.edges) if (highlighted.has(edge.id)) onPath.add(edge.source).add(edge.target);
  const nodes: Node[] = graph.nodes.map((node) => {
    const at = g.node(node.id);
    const emphasised = onPath.has(node.id) || node.id === start;
    return {
      id: node.id,
      position: { x: (at?.x ?? 0) - NODE_WIDTH / 2, y: (at?.y ?? 0) - NODE_HEIGHT / 2 },
      data: {
        label: (
          <div
            className="truncate text-left text-xs"
            title={`${node.kind} ${node.label} (${node.path})${node.admin ? ' — admin-equivalent' : ''}`}
          >
            <span className="font-semibold">{node.label}</span>
            {node.admin && <span className="ml-1 text-red-700 dark:text-red-300">admin</span>}
          </div>
        ),
        ref: node.ref,
      },
      style: {
        width: NODE_WIDTH,
        border: `${emphasised ? 3 : 2}px ${node.kind === 'policy' ? 'dashed' : 'solid'} ${node.admin ? '#dc2626' : BORDER[node.kind]}`,
        borderRadius: 6,
        padding: 6,
        opacity: highlighted.size > 0 && !emphasised ? 0.45 : 1,
      },
      draggable: false,
      connectable: false,
      sourcePosition: 'right' as Node['sourcePosition'],
      targetPosition: 'left' as Node['targetPosition'],
    } satisfies Node;
  });
  const edges: Edge[] = graph.edges.map((edge) => {
    const on = highlighted.has(edge.id);
    const colour = edge.escalation ? '#dc2626' : '#94a3b8';
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: on ? edge.label : undefined,
      animated: on,
      markerEnd: { type: MarkerType.ArrowClosed, color: colour },
      style: { stroke: colour, strokeWidth: on ? 4 : edge.escalation ? 1.5 : 1, opacity: highlighted.size > 0 && !on ? 0.3 : 1 },
      labelStyle: { fontSize: 10 },
    };
  });
  return { nodes, edges };
}

export function AccountGraphView({
  account,
  analysis,
  highlighted,
  highlightedFrom,
  onSelect,
}: {
  account: CompiledAccount;
  analysis: EscalationAnalysis;
  highlighted: ReadonlySet<string>;
  highlightedFrom?: PrincipalKey;
  onSelect: (ref: EntityRef) => void;
}) {
  const [pathPrefix, setPathPrefix] = useState('/');
  const [kinds, setKinds] = useState<Set<AccountNodeKind>>(() => new Set(['user', 'group', 'role']));
  const [escalationOnly, setEscalationOnly] = useState(true);
  const [allEscalationEdges, setAllEscalationEdges] = useState(false);
  const graph = useMemo(
    () =>
      measured('explorer:graph-build', () =>
        accountGraph(
          account,
          analysis,
          { pathPrefix: pathPrefix.startsWith('/') ? pathPrefix : `/${pathPrefix}`, kinds, escalationOnly, allEscalationEdges },
          LIMIT,
          highlighted,
        ),
      ),
    [account, analysis, pathPrefix, kinds, escalationOnly, allEscalationEdges, highlighted],
  );
  const start = highlightedFrom ? principalNodeId(account, highlightedFrom) : undefined;
  const drawn = useMemo(() => measured('explorer:graph-layout', () => layout(graph, highlighted, start)), [graph, highlighted, start]);
  const escalationEdges = graph.edges.filter((e) => e.escalation);
  const toggle = (kind: AccountNodeKind) =>
    setKinds((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-56">
          <Input label="Path prefix" value={pathPrefix} onChange={(e) => setPathPrefix(e.target.value || '/')} />
        </div>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="sr-only">Kinds shown</legend>
          {(Object.keys(KIND_NAMES) as AccountNodeKind[]).map((kind) => (
            <label key={kind} className="flex items-center gap-1">
              <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} /> {KIND_NAMES[kind]}
            </label>
          ))}
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={escalationOnly} onChange={(e) => setEscalationOnly(e.target.checked)} /> Only principals on
            escalation edges
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={allEscalationEdges} onChange={(e) => setAllEscalationEdges(e.target.checked)} /> Every
            escalation edge (not only those on shortest paths to admin)
          </label>
        </fieldset>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" role="status" data-testid="account-graph-summary">
        {graph.nodes.length} nodes, {graph.edges.length} edges ({escalationEdges.length} escalation)
        {graph.truncated ? ` — ${graph.matched} matched; the first ${LIMIT} are drawn, narrow the filter to see the rest` : ''}
        {graph.hiddenEscalationEdges > 0 ? ` — ${graph.hiddenEscalationEdges} more escalation edges are not drawn` : ''}.
      </p>
      <div
        className="h-[34rem] rounded-md border border-slate-200 dark:border-slate-800"
        role="region"
        aria-label="Graph of the account"
        data-testid="account-graph"
      >
        <ReactFlow
          nodes={drawn.nodes}
          edges={drawn.edges}
          fitView
          fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: true }}
          colorMode="system"
          minZoom={0.05}
          onNodeClick={(_event, node) => {
            const ref = (node.data as { ref?: EntityRef }).ref;
            if (ref) onSelect(ref);
          }}
        >
          <Background />
          <MiniMap pannable zoomable />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">Drawn escalation edges as a list ({escalationEdges.length})</summary>
        <ul className="max-h-64 overflow-auto text-xs" aria-label="Escalation edges">
          {escalationEdges.slice(0, 500).map((e) => (
            <li key={e.id} className={highlighted.has(e.id) ? 'font-semibold' : undefined}>
              {e.source} — {e.label} → {e.target}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
