// The graph of one principal: a user → its groups → their policies (attached, inline, boundary); a role ← the
// principals its trust policy names and the users and roles of the account allowed to assume it (role-trust rule); a group → members, policies.
import { AssumeIndex, principalOf } from './assume';
import { inlinePolicyId, trustPolicyId, type CompiledAccount } from './compile-account';
import type { EntityRef, SnapshotAttachedPolicy, SnapshotInlinePolicy } from './types';

/** A node of the principal graph. `ref` is set for users, groups and roles of the account (they link to their page). */
export interface GraphNode {
  id: string;
  kind: 'user' | 'group' | 'role' | 'managed-policy' | 'inline-policy' | 'boundary' | 'trusted';
  label: string;
  detail?: string;
  ref?: EntityRef;
  /** Managed policies: the ARN (links to the policy page). */
  policyArn?: string;
}

/** An edge; `label` says what the relation is ('member of', 'attached', 'inline', 'boundary', 'may assume'). */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

/** The graph of one entity; `missing` is true when the entity is not in the snapshot. */
export interface PrincipalGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  missing: boolean;
  /** Users and roles who may assume the role beyond the limit shown. */
  moreAssumers: number;
}

const ASSUMER_LIMIT = 25;

class Builder {
  nodes = new Map<string, GraphNode>();
  edges = new Map<string, GraphEdge>();
  node(node: GraphNode): string {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node.id;
  }
  edge(source: string, target: string, label: string) {
    const id = `${source}->${target}:${label}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, label });
  }
}

const entityId = (ref: EntityRef) => `${ref.type}:${ref.name}`;

function policies(b: Builder, owner: EntityRef, ownerId: string, inline: SnapshotInlinePolicy[], attached: SnapshotAttachedPolicy[]) {
  for (const p of attached)
    b.edge(
      ownerId,
      b.node({
        id: `policy:${p.arn}`,
        kind: 'managed-policy',
        label: p.name,
        policyArn: p.arn,
        detail: p.arn.includes(':aws:policy/') ? 'AWS managed' : 'Customer managed',
      }),
      'attached',
    );
  for (const p of inline)
    b.edge(
      ownerId,
      b.node({ id: inlinePolicyId(owner, p.name), kind: 'inline-policy', label: p.name, detail: `inline in ${owner.type} ${owner.name}` }),
      'inline',
    );
}

function boundary(b: Builder, ownerId: string, arn: string | undefined) {
  if (!arn) return;
  b.edge(
    ownerId,
    b.node({ id: `boundary:${arn}`, kind: 'boundary', label: arn.split('/').pop() ?? arn, policyArn: arn, detail: 'permissions boundary' }),
    'boundary',
  );
}

/** Builds the graph of a user, group or role of the compiled account. */
export function principalGraph(account: CompiledAccount, ref: EntityRef, assume?: AssumeIndex): PrincipalGraph {
  const { snapshot } = account;
  const b = new Builder();
  let moreAssumers = 0;
  if (ref.type === 'user') {
    const user = snapshot.users.find((u) => u.name === ref.name);
    if (!user) return { nodes: [], edges: [], missing: true, moreAssumers: 0 };
    const id = b.node({ id: entityId(ref), kind: 'user', label: user.name, detail: user.path, ref });
    policies(b, ref, id, user.inline, user.attached);
    boundary(b, id, user.boundaryArn);
    for (const groupName of user.groups) {
      const group = snapshot.groups.find((g) => g.name === groupName);
      const groupRef: EntityRef = { type: 'group', name: groupName };
      const groupId = b.node({ id: entityId(groupRef), kind: 'group', label: groupName, detail: group?.path, ref: groupRef });
      b.edge(id, groupId, 'member of');
      if (group) policies(b, groupRef, groupId, group.inline, group.attached);
    }
  } else if (ref.type === 'group') {
    const group = snapshot.groups.find((g) => g.name === ref.name);
    if (!group) return { nodes: [], edges: [], missing: true, moreAssumers: 0 };
    const id = b.node({ id: entityId(ref), kind: 'group', label: group.name, detail: group.path, ref });
    for (const user of snapshot.users) {
      if (!user.groups.includes(group.name)) continue;
      const userRef: EntityRef = { type: 'user', name: user.name };
      b.edge(b.node({ id: entityId(userRef), kind: 'user', label: user.name, detail: user.path, ref: userRef }), id, 'member of');
    }
    policies(b, ref, id, group.inline, group.attached);
  } else {
    const index = snapshot.roles.findIndex((r) => r.name === ref.name);
    if (index < 0) return { nodes: [], edges: [], missing: true, moreAssumers: 0 };
    const role = snapshot.roles[index];
    const id = b.node({ id: entityId(ref), kind: 'role', label: role.name, detail: role.path, ref });
    policies(b, ref, id, role.inline, role.attached);
    boundary(b, id, role.boundaryArn);
    const trust = account.trust[index];
    if (trust) {
      for (const statement of trust.allowStatements) {
        const p = statement.principal;
        if (statement.notPrincipal || !p) {
          b.edge(
            b.node({
              id: `trusted:not:${statement.index}`,
              kind: 'trusted',
              label: 'Everyone except the NotPrincipal',
              detail: statement.sid,
            }),
            id,
            'may assume',
          );
          continue;
        }
        if (p.any) b.edge(b.node({ id: 'trusted:*', kind: 'trusted', label: 'Anyone (*)', detail: 'Principal "*"' }), id, 'may assume');
        for (const accountId of p.accounts) {
          const own = accountId === snapshot.accountId;
          b.edge(
            b.node({
              id: `trusted:account:${accountId}`,
              kind: 'trusted',
              label: own ? 'This account' : `Account ${accountId}`,
              detail: 'principals whose IAM policies allow it',
            }),
            id,
            'may assume',
          );
        }
        for (const arn of p.arns) {
          if (p.accounts.size > 0 && /:root$/.test(arn)) continue;
          const user = snapshot.users.find((u) => u.arn === arn);
          const other = snapshot.roles.find((r) => r.arn === arn);
          const entity: EntityRef | undefined = user
            ? { type: 'user', name: user.name }
            : other
              ? { type: 'role', name: other.name }
              : undefined;
          const nodeId = entity ? entityId(entity) : `trusted:${arn}`;
          b.edge(
            b.node({
              id: nodeId,
              kind: entity ? entity.type : 'trusted',
              label: entity ? entity.name : arn,
              ref: entity,
              detail: entity ? undefined : 'AWS principal',
            }),
            id,
            'may assume',
          );
        }
        for (const service of p.services)
          b.edge(b.node({ id: `trusted:service:${service}`, kind: 'trusted', label: service, detail: 'AWS service' }), id, 'may assume');
        for (const federated of p.federated)
          b.edge(
            b.node({ id: `trusted:federated:${federated}`, kind: 'trusted', label: federated, detail: 'federated' }),
            id,
            'may assume',
          );
      }
      // The account's users and roles that may assume it: the role-trust rule (trust policy and their own policies).
      let shown = 0;
      for (const edge of (assume ?? new AssumeIndex(account)).assumers(index)) {
        if (shown >= ASSUMER_LIMIT) {
          moreAssumers++;
          continue;
        }
        shown++;
        const caller = principalOf(account, edge.from);
        b.edge(
          b.node({ id: entityId(caller.ref), kind: caller.ref.type, label: caller.ref.name, detail: caller.path, ref: caller.ref }),
          id,
          'can assume',
        );
      }
    } else {
      b.node({ id: trustPolicyId(role.name), kind: 'trusted', label: 'Trust policy could not be read', detail: 'nobody is shown' });
    }
  }
  return { nodes: [...b.nodes.values()], edges: [...b.edges.values()], missing: false, moreAssumers };
}
