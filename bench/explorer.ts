// Explorer benchmark (`npm run bench:explorer`): on an account of AWS's default quotas, the time to compile it, to
// answer who-can for one action, to find every path to admin, and to build and lay out a 500-node account graph.
// Measured in Node (the same code runs in the browser; Chromium is usually within a small factor of Node's V8).
// Compare runs by cpuMs when the machine is shared (wallMs includes waiting for a core).
import dagre from '@dagrejs/dagre';
import { accountGraph } from '../lib/explorer/account-graph';
import { AssumeIndex } from '../lib/explorer/assume';
import { compileAccount } from '../lib/explorer/compile-account';
import { analyzeEscalation, whoCanReachAdmin } from '../lib/explorer/escalation';
import { startWhoCan, whoCan, type WhoCanQuestion } from '../lib/explorer/who-can';
import { largeAccount } from './explorer-account';

function measure<T>(label: string, run: () => T): { value: T; line: Record<string, unknown> } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, line: { step: label, wallMs: Math.round(wallMs), cpuMs: Math.round((used.user + used.system) / 1000) } };
}

const lines: Record<string, unknown>[] = [];
const scale = Number(process.env.EXPLORER_BENCH_SCALE ?? 1);
const snapshot = largeAccount({
  users: Math.round(5000 * scale),
  groups: Math.round(300 * scale),
  roles: Math.round(1000 * scale),
  policies: Math.round(1500 * scale),
});
const sizes = {
  users: snapshot.users.length,
  groups: snapshot.groups.length,
  roles: snapshot.roles.length,
  policies: snapshot.policies.length,
};
const compiled = measure('load + compile the account', () => compileAccount(JSON.parse(JSON.stringify(snapshot))));
lines.push({ ...compiled.line, ...sizes, problems: compiled.value.problems.length });
console.log(JSON.stringify(lines[lines.length - 1]));
const account = compiled.value;

for (const question of [
  { action: 's3:GetObject', resource: `arn:aws:s3:::team3-bucket/report.csv` },
  { action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${account.snapshot.accountId}:user/team5/user-5` },
]) {
  const r = measure(`who-can ${question.action}`, () => whoCan(account, { ...question, context: {} }));
  lines.push({
    ...r.line,
    allowed: r.value.allowed.length,
    throughRoles: r.value.throughRole.length,
    explicitDeny: r.value.explicitDeny.length,
  });
  console.log(JSON.stringify(lines[lines.length - 1]));
}

const assume = new AssumeIndex(account);
const escalation = measure('all escalation paths', () => {
  const analysis = analyzeEscalation(account, assume);
  return { analysis, reach: whoCanReachAdmin(analysis) };
});
lines.push({
  ...escalation.line,
  adminEquivalent: escalation.value.analysis.admins.size,
  canReachAdmin: escalation.value.reach.length,
  escalationEdges: escalation.value.analysis.edges.length,
  assumeChecks: assume.judged,
  longestShortestPath: Math.max(0, ...escalation.value.reach.map((p) => p.edges.length)),
});
console.log(JSON.stringify(lines[lines.length - 1]));

// The console runs the escalation analysis as soon as the account is compiled and asks who-can afterwards, with the
// account's one AssumeIndex (roles' assumers already known): the same question again, as the console asks it.
{
  const question: WhoCanQuestion = { action: 's3:GetObject', resource: `arn:aws:s3:::team3-bucket/report.csv`, context: {} };
  const r = measure(`who-can ${question.action} after the escalation analysis`, () => {
    const run = startWhoCan(account, question, assume);
    while (!run.step(1000).finished);
    return run.results;
  });
  lines.push({ ...r.line, allowed: r.value.allowed.length, throughRoles: r.value.throughRole.length });
  console.log(JSON.stringify(lines[lines.length - 1]));
}

let graphEscalationEdges = 0;
const graph = measure('account graph, 500 nodes: build + dagre layout', () => {
  const g = accountGraph(
    account,
    escalation.value.analysis,
    { pathPrefix: '/', kinds: new Set(['user', 'group', 'role']), escalationOnly: false },
    500,
  );
  graphEscalationEdges = g.edges.filter((e) => e.escalation).length;
  const layout = new dagre.graphlib.Graph({ multigraph: true });
  layout.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 60 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of g.nodes) layout.setNode(node.id, { width: 170, height: 40 });
  for (const edge of g.edges) layout.setEdge(edge.source, edge.target, {}, edge.id);
  dagre.layout(layout);
  return g;
});
lines.push({
  ...graph.line,
  nodes: graph.value.nodes.length,
  edges: graph.value.edges.length,
  escalationEdgesDrawn: graphEscalationEdges,
  escalationEdgesInList: graph.value.hiddenEscalationEdges + graphEscalationEdges,
});
console.log(JSON.stringify(lines[lines.length - 1]));
