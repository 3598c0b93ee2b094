// The users' path tree: one node per path segment, each counting the users whose path starts with its prefix
// (the same rule as ListUsers' PathPrefix), built once from every user's path.

/** A node of the tree; `path` is the prefix it stands for (`/`, `/example/`, `/example/path/`). */
export interface PathNode {
  path: string;
  name: string;
  /** Users whose path starts with `path`. */
  count: number;
  /** Users whose path is exactly `path`. */
  direct: number;
  children: PathNode[];
}

/** Builds the tree from user paths (each starts and ends with `/`). Children are sorted by name. */
export function buildPathTree(paths: Iterable<string>): PathNode {
  const root: PathNode = { path: '/', name: '/', count: 0, direct: 0, children: [] };
  const index = new Map<string, PathNode>([['/', root]]);
  for (const path of paths) {
    root.count++;
    const segments = path.split('/').filter(Boolean);
    let node = root;
    let prefix = '/';
    for (const segment of segments) {
      prefix += `${segment}/`;
      let child = index.get(prefix);
      if (!child) {
        child = { path: prefix, name: segment, count: 0, direct: 0, children: [] };
        index.set(prefix, child);
        node.children.push(child);
      }
      child.count++;
      node = child;
    }
    node.direct++;
  }
  const sort = (node: PathNode) => {
    node.children.sort((a, b) => a.name.localeCompare(b.name));
    node.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** The prefixes from `/` down to `path` (`/a/b/` → `/`, `/a/`, `/a/b/`): the nodes to expand to show it. */
export function ancestorsOf(path: string): string[] {
  const out = ['/'];
  let prefix = '/';
  for (const segment of path.split('/').filter(Boolean)) {
    prefix += `${segment}/`;
    out.push(prefix);
  }
  return out;
}

/** The visible nodes in display order, given the expanded prefixes (root always shown). */
export function visibleNodes(root: PathNode, expanded: ReadonlySet<string>): Array<{ node: PathNode; depth: number; parent?: string }> {
  const out: Array<{ node: PathNode; depth: number; parent?: string }> = [];
  const walk = (node: PathNode, depth: number, parent?: string) => {
    out.push({ node, depth, parent });
    if (expanded.has(node.path)) for (const child of node.children) walk(child, depth + 1, node.path);
  };
  walk(root, 0);
  return out;
}
