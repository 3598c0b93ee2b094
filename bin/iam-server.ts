// The standalone IAM/STS endpoint: `npm run iam -- --port 4566 [--data-dir DIR] [--host 127.0.0.1]`.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config';
import { createService } from '../lib/service/create-service';
import { parseTrustedProxies, withResolvedClient } from '../lib/service/client-address';
import { answerClientErrors, nodeListener, requestTimeouts } from '../lib/protocol/node-adapter';
import { BodyBudget } from '../lib/protocol/limits';
import { firstRunMessage } from '../lib/service/first-run-message';
import { warmUp } from '../lib/service/warm-up';
import { requireNativeDriver } from './native-driver.mjs';
import { useBundledAuditWorker } from '../lib/audit/worker-writer';

requireNativeDriver();
// Bundled by bin/iam.mjs: the audit worker's entry was built beside this file.
if (import.meta.url.endsWith('.mjs')) useBundledAuditWorker(new URL('./audit-worker.mjs', import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4566' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
  },
});

const config = loadConfig(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {});
const service = await createService(config).catch((error: unknown) => {
  // A configuration the service refuses (e.g. GATEHOUSE_DATABASE_URL without GATEHOUSE_MASTER_KEY): its message, no stack.
  process.stderr.write(`Gatehouse could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
const listener = nodeListener(
  withResolvedClient(service.handler, parseTrustedProxies(config.trustedProxies)),
  config.maxBodyBytes,
  new BodyBudget(config.maxBufferedBodyBytes),
);
// A request must arrive whole within GATEHOUSE_REQUEST_TIMEOUT_SECONDS (30 s: a 1 MiB body, the default limit, at
// 280 kbit/s; SDKs write a signed request at once), not node's 300 s, during which a stalled body holds its bytes.
const server = http.createServer({ keepAliveTimeout: 65_000, ...requestTimeouts(config.requestTimeoutMs) }, listener);
// Connections beyond the bound are closed as they are accepted (idle ones otherwise hold memory and a descriptor each
// until node's header timeout, whoever opened them).
server.maxConnections = config.maxConnections;
answerClientErrors(server);
// Before it listens, the server runs its own request listener on ~6,000 requests that leave no trace, so V8 has
// compiled and optimised the request path before a client waits on it (lib/service/warm-up.ts; SQLite only).
// GATEHOUSE_WARM_UP=0 turns it off.
const warmedUp = !config.warmUp
  ? undefined
  : await warmUp(service, { listener }).catch((error: unknown) => {
      process.stderr.write(`Gatehouse skipped its start-up warm-up: ${error instanceof Error ? error.message : String(error)}\n`);
      return undefined;
    });
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  const endpoint = `http://${values.host}:${port}`;
  if (service.firstRun) process.stdout.write(firstRunMessage(service.firstRun, endpoint));
  const storage = config.databaseUrl ? `database: ${redactedDatabaseUrl(config.databaseUrl)}` : `data: ${config.dataDir}`;
  const warm = warmedUp ? `; warmed up on ${warmedUp.requests} requests in ${warmedUp.ms} ms` : '';
  process.stdout.write(`Gatehouse IAM/STS endpoint listening on ${endpoint} (${storage}${warm})\n`);
});

async function shutdown() {
  server.close();
  await service.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

/** The database URL without its password, for the start-up line. */
function redactedDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
