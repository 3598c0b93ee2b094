// The account's shape by path: one tree over users, groups and roles together, each node counting the entities
// of each kind whose path starts with its prefix (the PathPrefix rule of the List* operations).
import type { AccountSnapshot, EntityRef } from './types';

/** Counts of entities per kind. */
export interface KindCounts {
  users: number;
  groups: number;
  roles: number;
}

/** A node of the tree; `path` is the prefix it stands for (`/`, `/ci/`, `/example/path/`). */
export interface ExplorerPathNode {
  path: string;
  name: string;
  /** Entities whose path starts with `path`. */
  count: KindCounts;
  children: ExplorerPathNode[];
}

/** An entity with its path, as listed under a node. */
export interface PathEntity extends EntityRef {
  path: string;
  arn: string;
}

const KIND_KEY = { user: 'users', group: 'groups', role: 'roles' } as const;

/** Every user, group and role of the snapshot with its path, sorted by kind then name. */
export function entitiesOf(snapshot: AccountSnapshot): PathEntity[] {
  return [
    ...snapshot.users.map((u) => ({ type: 'user' as const, name: u.name, path: u.path, arn: u.arn })),
    ...snapshot.groups.map((g) => ({ type: 'group' as const, name: g.name, path: g.path, arn: g.arn })),
    ...snapshot.roles.map((r) => ({ type: 'role' as const, name: r.name, path: r.path, arn: r.arn })),
  ];
}

/** Builds the tree (children sorted by name). */
export function buildExplorerPathTree(entities: Iterable<{ type: EntityRef['type']; path: string }>): ExplorerPathNode {
  const root: ExplorerPathNode = { path: '/', name: '/', count: { users: 0, groups: 0, roles: 0 }, children: [] };
  const index = new Map<string, ExplorerPathNode>([['/', root]]);
  for (const entity of entities) {
    const key = KIND_KEY[entity.type];
    root.count[key]++;
    let node = root;
    let prefix = '/';
    for (const segment of entity.path.split('/')) {
      if (!segment) continue;
      prefix += `${segment}/`;
      let child = index.get(prefix);
      if (!child) {
        child = { path: prefix, name: segment, count: { users: 0, groups: 0, roles: 0 }, children: [] };
        index.set(prefix, child);
        node.children.push(child);
      }
      child.count[key]++;
      node = child;
    }
  }
  const sort = (node: ExplorerPathNode) => {
    node.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    node.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** Entities whose path starts with the prefix. */
export function entitiesUnder<T extends { path: string }>(entities: T[], prefix: string): T[] {
  return prefix === '/' ? entities : entities.filter((e) => e.path.startsWith(prefix));
}

/** The visible nodes in display order, given the expanded prefixes (root always shown). */
export function visiblePathNodes(root: ExplorerPathNode, expanded: ReadonlySet<string>): Array<{ node: ExplorerPathNode; depth: number }> {
  const out: Array<{ node: ExplorerPathNode; depth: number }> = [];
  const walk = (node: ExplorerPathNode, depth: number) => {
    out.push({ node, depth });
    if (expanded.has(node.path)) for (const child of node.children) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The prefixes from `/` down to `path`: the nodes to expand to show it. */
export function pathAncestors(path: string): string[] {
  const out = ['/'];
  let prefix = '/';
  for (const segment of path.split('/')) {
    if (!segment) continue;
    prefix += `${segment}/`;
    out.push(prefix);
  }
  return out;
}
