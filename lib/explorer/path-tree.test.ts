// The explorer's path tree: users, groups and roles counted together per path prefix.
import { describe, expect, it } from 'vitest';
import { buildExplorerPathTree, entitiesOf, entitiesUnder, pathAncestors, visiblePathNodes } from './path-tree';
import { testAccount } from './account.fixtures';

describe('explorer path tree', () => {
  const entities = entitiesOf(testAccount());
  const tree = buildExplorerPathTree(entities);

  it('counts each kind at every prefix', () => {
    expect(tree.count).toEqual({ users: 6, groups: 2, roles: 2 });
    expect(tree.children.map((c) => [c.path, c.count])).toEqual([
      ['/ci/', { users: 0, groups: 0, roles: 1 }],
      ['/eng/', { users: 2, groups: 0, roles: 0 }],
      ['/ext/', { users: 1, groups: 1, roles: 0 }],
    ]);
  });

  it('lists the entities under a prefix and the visible nodes for the expanded ones', () => {
    expect(entitiesUnder(entities, '/eng/').map((e) => e.name)).toEqual(['carol', 'dave']);
    expect(entitiesUnder(entities, '/').length).toBe(10);
    expect(visiblePathNodes(tree, new Set()).map((n) => n.node.path)).toEqual(['/']);
    expect(visiblePathNodes(tree, new Set(['/'])).map((n) => [n.node.path, n.depth])).toEqual([
      ['/', 0],
      ['/ci/', 1],
      ['/eng/', 1],
      ['/ext/', 1],
    ]);
    expect(pathAncestors('/a/b/')).toEqual(['/', '/a/', '/a/b/']);
  });
});
