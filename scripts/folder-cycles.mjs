// `npm run lint`, its folder half: no import cycle between the folders of lib/ (production files only; tests may
// reach across layers). dependency-cruiser's rules see single modules, so the folders' graph is checked here.
import { cruise } from 'dependency-cruiser';

const TEST = /\.(test|spec|fixtures)\.tsx?$/;
const folderOf = (file) => (file.startsWith('lib/') && file.split('/').length > 2 ? file.split('/').slice(0, 2).join('/') : undefined);

const { output } = await cruise(['lib'], {
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
  exclude: { path: TEST.source },
});
const edges = new Map();
for (const module of output.modules) {
  const from = folderOf(module.source);
  if (!from) continue;
  for (const dependency of module.dependencies) {
    const to = folderOf(dependency.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const examples = edges.get(from);
    if (!examples.has(to)) examples.set(to, `${module.source} → ${dependency.resolved}`);
  }
}

// Tarjan's strongly connected components: any with two or more folders is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let counter = 0;
function visit(folder) {
  index.set(folder, counter);
  low.set(folder, counter++);
  stack.push(folder);
  onStack.add(folder);
  for (const next of edges.get(folder)?.keys() ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(folder, Math.min(low.get(folder), low.get(next)));
    } else if (onStack.has(next)) low.set(folder, Math.min(low.get(folder), index.get(next)));
  }
  if (low.get(folder) === index.get(folder)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) cycles.push(component);
  }
}
for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);

if (cycles.length > 0) {
  for (const component of cycles) {
    console.error(`folder cycle: ${component.join(' ⇄ ')}`);
    for (const a of component) for (const b of component) if (edges.get(a)?.has(b)) console.error(`  ${edges.get(a).get(b)}`);
  }
  process.exit(1);
}
console.log(`✔ no folder cycles under lib/ (${edges.size} folders)`);
