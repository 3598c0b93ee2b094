// `npm run bench`: every benchmark in turn, each in its own process so they don't disturb one another.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const benches = [
  'iam.ts',
  'list-latency.ts',
  'policy.ts',
  'authz.ts',
  'auth.ts',
  'http-edge.ts',
  'sign-in-flood.ts',
  'explorer.ts',
  'access-analyzer.ts',
  'postgres.ts',
  'pg-invalidation.ts',
].filter((file) => fs.existsSync(path.join(here, file)));
let failed = 0;
for (const file of benches) {
  console.log(`\n===== bench/${file} =====`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
// Issue 16's figures last, in a table of their own (ratios within that one run, beside its own ceiling).
console.log('\n===== bench/issue16.ts =====');
const issue16 = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'issue16.ts')], { stdio: 'inherit' });
if (issue16.status !== 0) failed++;
process.exit(failed > 0 ? 1 : 0);
