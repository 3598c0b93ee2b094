// `npm run iam`: the standalone IAM/STS endpoint (bin/iam-server.ts), run as one JavaScript bundle built at
// start-up by esbuild (well under a second) instead of through tsx's on-the-fly loader. The loader's own
// thread, its transform caches and source maps cost some 35-40 MiB of resident memory per server; the bundle
// keeps packages external (resolved from node_modules as usual), so the running code is the same.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Node flags of the standalone server (package.json's `iam` script passes them; so do the benchmarks). 4 MiB
 * semi-spaces instead of V8's 16 MiB keep the peak resident size some 25 MiB lower, at a cost in speed. Measured on
 * 2026-12-03, 16 MiB against 4: pre-signed GetUser at concurrency 16 on the bench server (four rounds alternated),
 * the main thread's CPU a request 113 against 122 µs (less in three rounds of four), the rate 8 % higher, the peak
 * RSS 148-155 against 124-128 MiB; in bench/issue16.ts, 151-157 against 127 MiB, past issue 16's bound of ~131.
 * The old generation may grow 20 % past what the last full collection left alive before the next one (V8 otherwise
 * lets it grow up to 4×: some 25 MiB of garbage, resident, after the SDK workload of bench/issue16.ts); a full
 * collection of the ~30 MiB heap is a few milliseconds, mostly concurrent.
 *
 * V8 optimises a function once it has run enough bytecode since its last look (`--interrupt-budget`, 66 KiB by
 * default), three times over and once more for each 150 bytes of its own bytecode. A large function that runs once
 * a request, as the policy checks and inserts of a write do, so stays unoptimised for thousands of requests: with
 * V8's budget, validateParsedPolicy and the policy version's insert were still not optimised after the warm-up's
 * 6,000 requests and 1,350 CreatePolicy (in-process, --trace-opt). A quarter of the budget (16 KiB) optimises a
 * function after a quarter of the calls. In paired runs (scratch, two servers alternated, 900 sequential
 * pre-signed requests a write), the main thread's CPU per call of CreateUser, CreateRole and PutRolePolicy fell
 * 8-19 %, CreatePolicy's moved -9 % and +6 %, GetUser's +9 % and -4 %; in-process, six runs each, CreatePolicy's
 * first 450 calls after the warm-up cost 10 % less and its next 450 14 % less. Start-up (the warm-up's 4-5 s) and
 * the resident size after it (119-125 MiB) did not change.
 */
export const IAM_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=20', '--interrupt-budget=16384'];

/**
 * Environment of the standalone server's process (package.json's `iam` script sets it; so do the benchmarks and
 * `npm start` for the console): glibc's malloc keeps up to 8 arenas per core, one per thread that allocates (the
 * main thread, the audit worker, V8's GC and compiler threads, libuv's pool), and each keeps what its thread freed
 * resident. Two arenas keep the server's peak RSS after the SDK workload of bench/issue16.ts some 10-16 MiB lower
 * (123 against 130-139 MiB), with no measurable change in CPU per request. A value already in the environment wins.
 */
export const IAM_NODE_ENV = { MALLOC_ARENA_MAX: '2' };

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'node_modules', '.cache', 'gatehouse');

/**
 * Builds bin/iam-server.ts into one ES module under node_modules/.cache (so packages resolve) and returns its path;
 * beside it, the audit worker thread's entry (lib/audit/audit-worker.ts) as audit-worker.mjs, which the server
 * starts from there.
 */
export async function buildIamServer() {
  const esbuild = await import('esbuild');
  fs.mkdirSync(outDir, { recursive: true });
  // Servers may start side by side: each builds its own files, then renames them over the shared names atomically.
  const suffix = `${process.pid}.${Date.now()}`;
  const entries = {
    'iam-server': path.join(root, 'bin', 'iam-server.ts'),
    'audit-worker': path.join(root, 'lib', 'audit', 'audit-worker.ts'),
  };
  try {
    await esbuild.build({
      entryPoints: Object.entries(entries).map(([name, file]) => ({ in: file, out: `${name}.${suffix}` })),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: false,
      logLevel: 'warning',
    });
  } finally {
    // The build service is a child process: stop it so it holds no memory while the server runs.
    await esbuild.stop?.();
  }
  // The worker first: a server that finds the new bundle finds the worker it expects. Each kept ASCII-only.
  for (const name of ['audit-worker', 'iam-server']) {
    const built = path.join(outDir, `${name}.${suffix}.mjs`);
    asciiOnly(built);
    fs.renameSync(built, path.join(outDir, `${name}.mjs`));
  }
  return path.join(outDir, 'iam-server.mjs');
}

/**
 * esbuild escapes non-ASCII characters in strings but keeps some comments as written, and one non-ASCII character
 * anywhere makes V8 hold the whole ~0.9 MB source as UTF-16 (twice the memory). Non-ASCII characters on comment
 * lines are replaced by '?'; if any is left elsewhere, the bundle stays as it is (correct, only larger).
 */
export function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (!/[^\t-~]/.test(text)) return;
  const ascii = text
    .split('\n')
    .map((line) => (/^\s*(\/\/|\/\*|\*)/.test(line) ? line.replace(/[^\t-~]/g, '?') : line))
    .join('\n');
  if (!/[^\t-~]/.test(ascii)) fs.writeFileSync(file, ascii);
}

// Run as a script (not imported, e.g. by the benchmarks for IAM_NODE_FLAGS): build, then run the bundle.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildIamServer()
    .then(
      (bundle) => import(pathToFileURL(bundle).href),
      async (error) => {
        // No bundle (e.g. a read-only node_modules): run the sources through tsx, as before, at some memory cost.
        console.error(
          `[gatehouse] could not bundle the server (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running it through tsx`,
        );
        await import('tsx'); // what `node --import tsx` loads: tsx's ESM and CommonJS hooks
        return import(pathToFileURL(path.join(root, 'bin', 'iam-server.ts')).href);
      },
    )
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
