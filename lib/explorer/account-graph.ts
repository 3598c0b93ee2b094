// The whole account as one graph: users, groups, roles and managed policies with membership and attachment, plus
// the escalation edges of an analysis (highlighted), filtered by path prefix and kind, capped for readability.
import { keyId, principalOf, type PrincipalKey } from './assume';
import type { CompiledAccount } from './compile-account';
import { KIND_TEXT, type EscalationAnalysis, type EscalationEdge } from './escalation';
import type { EntityRef } from './types';

export type AccountNodeKind = 'user' | 'group' | 'role' | 'policy';

export interface AccountNode {
  id: string;
  kind: AccountNodeKind;
  label: string;
  path: string;
  ref?: EntityRef;
  policyArn?: string;
  /** Admin-equivalent principal. */
  admin: boolean;
}

export interface AccountEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  escalation: boolean;
  needs?: string;
}

export interface AccountGraphFilter {
  /** Only entities whose path starts with this ('/' for all). */
  pathPrefix: string;
  kinds: ReadonlySet<AccountNodeKind>;
  /** Only principals that take part in an escalation edge (and what links them). */
  escalationOnly: boolean;
  /**
   * Every escalation edge, or (default) only those on shortest paths to admin and those that make an admin — the
   * rest stay in the list: thousands of edges (a helpdesk over every user) make any layout unreadable and slow.
   */
  allEscalationEdges?: boolean;
}

export interface AccountGraph {
  nodes: AccountNode[];
  edges: AccountEdge[];
  /** Nodes that matched the filter before the cap. */
  matched: number;
  truncated: boolean;
  /** Escalation edges not drawn (not on a shortest path to admin, or beyond the edge cap). */
  hiddenEscalationEdges: number;
}

/** At most this many escalation edges are drawn (see allEscalationEdges). */
export const ESCALATION_EDGE_LIMIT = 600;

/** The escalation edges worth drawing: the next hop of every shortest path to admin and the grants that make admins. */
export function pathEdges(analysis: EscalationAnalysis): Set<EscalationEdge> {
  const out = new Set<EscalationEdge>(analysis.nextHop.values());
  for (const reason of analysis.admins.values()) if (reason.edge) out.add(reason.edge);
  return out;
}

/** The id of a user or role node (`user:name`, `role:name`), as the principal graph names them. */
export function principalNodeId(account: CompiledAccount, key: PrincipalKey): string {
  const ref = principalOf(account, key).ref;
  return `${ref.type}:${ref.name}`;
}

/** The graph id of an escalation edge. */
export function escalationEdgeId(account: CompiledAccount, edge: EscalationEdge): string {
  return `esc:${principalNodeId(account, edge.from)}->${principalNodeId(account, edge.to)}:${edge.kind}:${edge.via ?? ''}`;
}

/** Builds the filtered graph, at most `limit` nodes (escalation participants first). */
export function accountGraph(
  account: CompiledAccount,
  analysis: EscalationAnalysis | undefined,
  filter: AccountGraphFilter,
  limit = 500,
  highlighted?: ReadonlySet<string>,
): AccountGraph {
  const { snapshot } = account;
  const drawnEscalation = analysis
    ? filter.allEscalationEdges
      ? new Set(analysis.edges)
      : pathEdges(analysis)
    : new Set<EscalationEdge>();
  if (analysis && highlighted && highlighted.size > 0)
    for (const e of analysis.edges) if (highlighted.has(escalationEdgeId(account, e))) drawnEscalation.add(e);
  const inPath = (path: string) => path.startsWith(filter.pathPrefix);
  const involved = new Set<string>();
  for (const e of drawnEscalation) involved.add(principalNodeId(account, e.from)).add(principalNodeId(account, e.to));
  const candidates: AccountNode[] = [];
  const admin = (key: PrincipalKey) => analysis?.admins.has(keyId(key)) ?? false;
  if (filter.kinds.has('user'))
    snapshot.users.forEach(
      (u, i) =>
        inPath(u.path) &&
        candidates.push({
          id: `user:${u.name}`,
          kind: 'user',
          label: u.name,
          path: u.path,
          ref: { type: 'user', name: u.name },
          admin: admin({ kind: 'user', index: i }),
        }),
    );
  if (filter.kinds.has('role'))
    snapshot.roles.forEach(
      (r, i) =>
        inPath(r.path) &&
        candidates.push({
          id: `role:${r.name}`,
          kind: 'role',
          label: r.name,
          path: r.path,
          ref: { type: 'role', name: r.name },
          admin: admin({ kind: 'role', index: i }),
        }),
    );
  if (filter.kinds.has('group'))
    for (const g of snapshot.groups)
      if (inPath(g.path))
        candidates.push({
          id: `group:${g.name}`,
          kind: 'group',
          label: g.name,
          path: g.path,
          ref: { type: 'group', name: g.name },
          admin: false,
        });
  if (filter.kinds.has('policy'))
    for (const p of snapshot.policies)
      if (inPath(p.path) || p.arn.includes(':aws:policy/'))
        candidates.push({ id: `policy:${p.arn}`, kind: 'policy', label: p.name, path: p.path, policyArn: p.arn, admin: false });

  // Escalation participants first, then groups, then the rest, so a cap keeps what matters.
  const principalsFirst = candidates
    .filter((n) => involved.has(n.id))
    .concat(candidates.filter((n) => !involved.has(n.id) && n.kind === 'group'))
    .concat(candidates.filter((n) => !involved.has(n.id) && n.kind !== 'group'));
  let nodes = principalsFirst;
  const edgesAll: AccountEdge[] = [];
  const edgeIds = new Set<string>();
  const push = (edge: AccountEdge) => {
    if (!edgeIds.has(edge.id)) {
      edgeIds.add(edge.id);
      edgesAll.push(edge);
    }
  };
  for (const u of snapshot.users) {
    for (const g of u.groups)
      push({ id: `member:${u.name}->${g}`, source: `user:${u.name}`, target: `group:${g}`, label: 'member of', escalation: false });
    for (const p of u.attached)
      push({
        id: `attached:user:${u.name}->${p.arn}`,
        source: `user:${u.name}`,
        target: `policy:${p.arn}`,
        label: 'attached',
        escalation: false,
      });
  }
  for (const g of snapshot.groups)
    for (const p of g.attached)
      push({
        id: `attached:group:${g.name}->${p.arn}`,
        source: `group:${g.name}`,
        target: `policy:${p.arn}`,
        label: 'attached',
        escalation: false,
      });
  for (const r of snapshot.roles)
    for (const p of r.attached)
      push({
        id: `attached:role:${r.name}->${p.arn}`,
        source: `role:${r.name}`,
        target: `policy:${p.arn}`,
        label: 'attached',
        escalation: false,
      });
  let hiddenEscalationEdges = analysis ? analysis.edges.length - drawnEscalation.size : 0;
  let drawnCount = 0;
  if (analysis) {
    for (const e of drawnEscalation) {
      if (drawnCount >= ESCALATION_EDGE_LIMIT) {
        hiddenEscalationEdges++;
        continue;
      }
      drawnCount++;
      const source = principalNodeId(account, e.from);
      const target = principalNodeId(account, e.to);
      push({
        id: escalationEdgeId(account, e),
        source,
        target,
        label: e.needs ? `${KIND_TEXT[e.kind]} (needs ${e.needs})` : KIND_TEXT[e.kind],
        escalation: true,
        needs: e.needs,
      });
    }
  }
  if (filter.escalationOnly) {
    const keep = new Set<string>();
    for (const e of edgesAll) if (e.escalation) keep.add(e.source).add(e.target);
    for (const e of drawnEscalation) if ((e.kind === 'add-to-group' || e.kind === 'group-policy') && e.via) keep.add(`group:${e.via}`);
    // Groups and policies linked to a kept principal stay, so the graph says why.
    for (const e of edgesAll) if (!e.escalation && keep.has(e.source)) keep.add(e.target);
    nodes = nodes.filter((n) => keep.has(n.id));
  }
  const matched = nodes.length;
  const shown = nodes.slice(0, limit);
  const ids = new Set(shown.map((n) => n.id));
  const edges = edgesAll.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes: shown, edges, matched, truncated: matched > shown.length, hiddenEscalationEdges };
}
