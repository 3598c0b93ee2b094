// Policy engine benchmark: `npm run bench:policy -- <scenario.json>` prints evaluations per second (explain off and on) as JSON.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { authorize, compilePolicy, explain, type AuthorizationRequest, type PolicySet } from '../lib/policy/index';

/** The engine-neutral scenario format: the same inputs can be fed to any engine. */
export interface PolicyScenario {
  policies: string[];
  permissionsBoundary?: string[];
  resourcePolicy?: string;
  requests: { action: string; resource: string; callerArn?: string; context?: Record<string, string[]> }[];
}

/** One benchmark result line. */
export interface PolicyBenchResult {
  scenario: string;
  evaluationsPerSecond: number;
  explainEvaluationsPerSecond: number;
  /** How many times slower explain is than authorize. */
  ratio: number;
  /** The same rates per second of this process's CPU time (less sensitive to other load on a shared machine). */
  cpuEvaluationsPerSecond: number;
  cpuExplainEvaluationsPerSecond: number;
  decisions: Record<string, number>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHIPPED_SCENARIOS = [path.join(here, 'scenarios/one-statement.json'), path.join(here, 'scenarios/twenty-policies.json')];

function accountOf(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Compiles a scenario into a policy set and requests. */
export function loadScenario(scenario: PolicyScenario): { set: PolicySet; requests: AuthorizationRequest[] } {
  const set: PolicySet = {
    identity: scenario.policies.map((text, i) => compilePolicy(text, { policyId: `policy-${i + 1}`, policyType: 'identity' })),
    boundary: scenario.permissionsBoundary?.map((text, i) =>
      compilePolicy(text, { policyId: `boundary-${i + 1}`, policyType: 'boundary' }),
    ),
    resource: scenario.resourcePolicy
      ? [compilePolicy(scenario.resourcePolicy, { policyId: 'resource-policy', policyType: 'resource' })]
      : undefined,
  };
  const requests = scenario.requests.map((r): AuthorizationRequest => {
    const accountId = accountOf(r.callerArn);
    return {
      action: r.action,
      resource: r.resource,
      principal: r.callerArn && accountId ? { arn: r.callerArn, accountId } : undefined,
      resourceAccount: accountOf(r.resource) ?? accountId,
      context: { ...(r.context ?? {}) },
    };
  });
  return { set, requests };
}

/**
 * Measures two workloads in alternating slices so that load from other processes on the machine hits both
 * alike (the ratio stays meaningful on a shared machine). Returns operations per second for each.
 */
function measurePair(
  first: () => void,
  second: () => void,
  batch: number,
  totalMillis: number,
): { wall: [number, number]; cpu: [number, number] } {
  for (let i = 0; i < 5; i++) {
    first();
    second();
  }
  const slices = 10;
  const sliceMillis = totalMillis / (2 * slices);
  const elapsed = [0, 0];
  const cpuMicros = [0, 0];
  const iterations = [0, 0];
  const runs = [first, second];
  for (let s = 0; s < slices; s++) {
    for (let w = 0; w < 2; w++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      let now = start;
      while (now - start < sliceMillis) {
        runs[w]();
        iterations[w] += batch;
        now = performance.now();
      }
      const cpu = process.cpuUsage(cpuStart);
      elapsed[w] += now - start;
      cpuMicros[w] += cpu.user + cpu.system;
    }
  }
  const rate = (n: number, millis: number) => Math.round((n / millis) * 1000);
  return {
    wall: [rate(iterations[0], elapsed[0]), rate(iterations[1], elapsed[1])],
    cpu: [rate(iterations[0], cpuMicros[0] / 1000), rate(iterations[1], cpuMicros[1] / 1000)],
  };
}

/** Runs one scenario file. */
export function runPolicyBench(file: string, totalMillis = 4000): PolicyBenchResult {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as PolicyScenario;
  const { set, requests } = loadScenario(scenario);
  const decisions: Record<string, number> = {};
  for (const r of requests) {
    const decision = authorize(r, set);
    decisions[decision] = (decisions[decision] ?? 0) + 1;
    if (explain(r, set).decision !== decision) throw new Error(`explain and authorize disagree on ${r.action} ${r.resource}`);
  }
  const rounds = Math.max(1, Math.ceil(1000 / requests.length));
  const batch = rounds * requests.length;
  let sink = 0;
  const measured = measurePair(
    () => {
      for (let k = 0; k < rounds; k++) for (let i = 0; i < requests.length; i++) if (authorize(requests[i], set) === 'allowed') sink++;
    },
    () => {
      for (let k = 0; k < rounds; k++)
        for (let i = 0; i < requests.length; i++) if (explain(requests[i], set).decision === 'allowed') sink++;
    },
    batch,
    totalMillis,
  );
  if (sink < 0) console.log(sink);
  const [evaluationsPerSecond, explainEvaluationsPerSecond] = measured.wall;
  const [cpuEvaluationsPerSecond, cpuExplainEvaluationsPerSecond] = measured.cpu;
  return {
    scenario: path.relative(process.cwd(), file),
    evaluationsPerSecond,
    explainEvaluationsPerSecond,
    ratio: Math.round((evaluationsPerSecond / explainEvaluationsPerSecond) * 100) / 100,
    cpuEvaluationsPerSecond,
    cpuExplainEvaluationsPerSecond,
    decisions,
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  for (const file of files.length > 0 ? files : SHIPPED_SCENARIOS) {
    console.log(JSON.stringify(runPolicyBench(path.resolve(file))));
  }
}
