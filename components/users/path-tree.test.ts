// The users' path tree: counts follow ListUsers' PathPrefix rule, ancestors and visible order for the tree view.
import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildPathTree, visibleNodes } from './path-tree';

describe('buildPathTree', () => {
  const root = buildPathTree(['/', '/example/path/2/', '/example/path/2/', '/example/', '/ops/', '/example/path/1/']);

  it('counts every user at the root and each user under each prefix of its path', () => {
    expect(root.count).toBe(6);
    expect(root.direct).toBe(1);
    const example = root.children.find((c) => c.name === 'example')!;
    expect(example.path).toBe('/example/');
    expect(example.count).toBe(4);
    expect(example.direct).toBe(1);
    const path = example.children[0]!;
    expect(path.path).toBe('/example/path/');
    expect(path.count).toBe(3);
    expect(path.children.map((c) => [c.path, c.count])).toEqual([
      ['/example/path/1/', 1],
      ['/example/path/2/', 2],
    ]);
  });

  it('sorts children by name', () => {
    expect(root.children.map((c) => c.name)).toEqual(['example', 'ops']);
  });

  it('lists ancestors from the root down', () => {
    expect(ancestorsOf('/example/path/2/')).toEqual(['/', '/example/', '/example/path/', '/example/path/2/']);
    expect(ancestorsOf('/')).toEqual(['/']);
  });

  it('shows only the children of expanded nodes', () => {
    expect(visibleNodes(root, new Set()).map((v) => v.node.path)).toEqual(['/']);
    expect(visibleNodes(root, new Set(['/', '/example/'])).map((v) => [v.node.path, v.depth])).toEqual([
      ['/', 0],
      ['/example/', 1],
      ['/example/path/', 2],
      ['/ops/', 1],
    ]);
  });
});
