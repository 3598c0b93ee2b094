// For unit tests: a fresh SQLite store in a temporary directory with an account, the system principal's operation
// context over it, and `call` to run an IAM operation as that principal in a transaction of the store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ServiceConfig } from '../config';
import { systemPrincipal, type OperationContext } from '../core/context';
import { testContext } from '../core/test-context';
import { SecretBox } from '../crypto/secrets';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { IAM_OPERATIONS } from './operations';

export interface OperationsStore {
  store: SqliteStore;
  system: OperationContext;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- operations answer their own response shapes
  call(action: string, input: Record<string, unknown>): Promise<any>;
  /** Closes the store and removes its directory. */
  close(): Promise<void>;
}

export async function openOperationsStore(prefix: string, accountId = '123456789012'): Promise<OperationsStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = openSqliteStore(dir);
  await store.account.create({ accountId, rootEmail: 'root@example.com', createDate: new Date().toISOString() });
  const system = testContext(store, {
    principal: systemPrincipal(accountId),
    config: { accountId, region: 'us-east-1' } as ServiceConfig,
    secrets: new SecretBox(randomBytes(32)),
  });
  return {
    store,
    system,
    call: (action, input) => store.transaction(() => IAM_OPERATIONS[action]({ ...system, action }, input)),
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
