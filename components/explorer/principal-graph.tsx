'use client';
// The selected principal as a graph (React Flow, laid out left to right with dagre), with the same relations
// as a plain list beside it for keyboard and screen-reader users. Clicking a user, group or role follows it.
import dagre from '@dagrejs/dagre';
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import Link from 'next/link';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import type { GraphNode, PrincipalGraph } from '@/lib/explorer/graph';
import type { EntityRef } from '@/lib/explorer/types';
import { entityHref, policyHref } from './links';

const NODE_WIDTH = 210;
const NODE_HEIGHT = 54;

const KIND_LABEL: Record<GraphNode['kind'], string> = {
  user: 'User',
  group: 'Group',
  role: 'Role',
  'managed-policy': 'Managed policy',
  'inline-policy': 'Inline policy',
  boundary: 'Boundary',
  trusted: 'Trusted',
};

// Inline styles: React Flow's own node CSS would win over utility classes. Backgrounds follow its colour mode.
const KIND_BORDER: Record<GraphNode['kind'], string> = {
  user: '2px solid #3b82f6',
  group: '2px solid #8b5cf6',
  role: '2px solid #10b981',
  'managed-policy': '2px solid #94a3b8',
  'inline-policy': '2px dashed #94a3b8',
  boundary: '2px solid #f59e0b',
  trusted: '2px solid #14b8a6',
};

/** Positions the nodes with dagre (left to right). */
function layout(graph: PrincipalGraph): { nodes: Node[]; edges: Edge[] } {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const nodes: Node[] = graph.nodes.map((node) => {
    const at = g.node(node.id);
    return {
      id: node.id,
      position: { x: (at?.x ?? 0) - NODE_WIDTH / 2, y: (at?.y ?? 0) - NODE_HEIGHT / 2 },
      data: {
        label: (
          <div className="text-left">
            <div className="text-[10px] uppercase tracking-wide text-slate-600 dark:text-slate-400">{KIND_LABEL[node.kind]}</div>
            <div className="truncate text-xs font-semibold" title={node.label}>
              {node.label}
            </div>
            {node.detail && <div className="truncate text-[10px] text-slate-600 dark:text-slate-400">{node.detail}</div>}
          </div>
        ),
        ref: node.ref,
      },
      style: { width: NODE_WIDTH, border: KIND_BORDER[node.kind], borderRadius: 6, padding: 8 },
      draggable: false,
      connectable: false,
      sourcePosition: 'right' as Node['sourcePosition'],
      targetPosition: 'left' as Node['targetPosition'],
    } satisfies Node;
  });
  const edges: Edge[] = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.label,
    markerEnd: { type: MarkerType.ArrowClosed },
    labelStyle: { fontSize: 10 },
  }));
  return { nodes, edges };
}

function NodeName({ node }: { node: GraphNode }) {
  if (node.ref)
    return (
      <Link href={entityHref(node.ref)} className="text-blue-800 underline dark:text-sky-300">
        {node.label}
      </Link>
    );
  if (node.policyArn)
    return (
      <Link href={policyHref(node.policyArn)} className="text-blue-800 underline dark:text-sky-300">
        {node.label}
      </Link>
    );
  return <span>{node.label}</span>;
}

/** The graph and its relations as a list. */
export function PrincipalGraphView({ graph, onSelect }: { graph: PrincipalGraph; onSelect: (ref: EntityRef) => void }) {
  const { nodes, edges } = useMemo(() => layout(graph), [graph]);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div
        className="h-[24rem] rounded-md border border-slate-200 dark:border-slate-800"
        role="region"
        aria-label="Graph of the selected principal"
        data-testid="principal-graph"
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          proOptions={{ hideAttribution: true }}
          colorMode="system"
          minZoom={0.2}
          onNodeClick={(_event, node) => {
            const ref = (node.data as { ref?: EntityRef }).ref;
            if (ref) onSelect(ref);
          }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Relations</h3>
        <ul className="space-y-1 text-sm" aria-label="Relations of the selected principal">
          {graph.edges.map((edge) => {
            const source = byId.get(edge.source)!;
            const target = byId.get(edge.target)!;
            return (
              <li key={edge.id} className="flex flex-wrap items-center gap-1">
                <Badge>{KIND_LABEL[source.kind]}</Badge>
                <NodeName node={source} />
                <span className="text-slate-600 dark:text-slate-400">— {edge.label} →</span>
                <Badge>{KIND_LABEL[target.kind]}</Badge>
                <NodeName node={target} />
              </li>
            );
          })}
          {graph.edges.length === 0 && <li className="text-slate-600 dark:text-slate-400">No groups, policies or trusted principals.</li>}
        </ul>
        {graph.moreAssumers > 0 && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            …and {graph.moreAssumers} more users and roles who can assume it.
          </p>
        )}
      </div>
    </div>
  );
}
