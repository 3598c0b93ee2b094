// The PostgreSQL Store: a connection pool shared by several Gatehouse instances' worth of writers, one repository
// object per aggregate, and units of work that are serializable transactions re-run when they lose a race.
import pg from 'pg';
import type { Store } from '../types';

import { ClientSql, PoolSql, type Sql } from './sql';
import { migrate } from './migrations';
import { INVALIDATION_CHANNEL, InvalidationListener } from './invalidation';
import { PostgresUserRepository } from './users';
import { PostgresTagRepository } from './tags';
import { AccountCache, PostgresAccountRepository } from './account';
import { PostgresAccessKeyRepository } from './access-keys';
import { PostgresManagedPolicyRepository } from './managed-policies';
import { PostgresAttachmentRepository } from './attachments';
import { PostgresInlinePolicyRepository } from './inline-policies';
import { PostgresGroupRepository } from './groups';
import { PostgresRoleRepository } from './roles';
import { PostgresInstanceProfileRepository } from './instance-profiles';
import { PostgresLoginProfileRepository } from './login-profiles';
import { PostgresMfaDeviceRepository } from './mfa-devices';
import { PostgresCredentialReportRepository } from './credential-reports';
import { PostgresSessionRepository } from './sessions';
import { PostgresSignInAttemptRepository } from './sign-in-attempts';
import { PostgresAuditRepository } from './audit';
import { PostgresIdentityProviderRepository } from './identity-providers';
import { PostgresServerCertificateRepository } from './server-certificates';
import { PostgresUserCredentialRepository } from './user-credentials';

/**
 * Errors after which a write unit is rolled back and run again: a serialization failure, a deadlock, and a unique
 * violation (a concurrent unit inserted the same key first; the re-run sees its row and answers as SQLite would).
 */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
/** Attempts of one write unit before its last error is surfaced (SSI lets at least one of the contenders commit). */
const MAX_ATTEMPTS = 30;
/**
 * Re-runs after a unique violation: the violation means the other unit has committed, so one re-run sees its row.
 * A second violation is a unit that inserts without checking, whose error is surfaced rather than retried 30 times.
 */
const MAX_UNIQUE_RETRIES = 2;

/** bigint (count(*), identity columns) as a JS number: every such value here is far below 2^53. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** What a store and the stores scoped to its units share. */
interface Shared {
  pool: pg.Pool;
  rollbackListeners: (() => void)[];
  /** The instance's listening connection; without one (a store on a bare pool) caches are never trusted. */
  invalidation: InvalidationListener | undefined;
  /** The store on the pool, which every scoped store names as its root. */
  root?: PostgresStore;
  /** The account row as last read outside a unit (./account.ts). */
  account: AccountCache;
}

export interface PostgresStoreOptions {
  /** Connections in this instance's pool (default 10). */
  poolSize?: number;
  /** Interval of the listening connection's heartbeat in ms (default 5000). */
  heartbeatMs?: number;
  /** First delay before the listening connection is re-opened after a loss, in ms (default 50, doubling). */
  reconnectMinMs?: number;
}

export class PostgresStore implements Store {
  readonly users: PostgresUserRepository;
  readonly tags: PostgresTagRepository;
  readonly account: PostgresAccountRepository;
  readonly accessKeys: PostgresAccessKeyRepository;
  readonly managedPolicies: PostgresManagedPolicyRepository;
  readonly attachments: PostgresAttachmentRepository;
  readonly inlinePolicies: PostgresInlinePolicyRepository;
  readonly groups: PostgresGroupRepository;
  readonly roles: PostgresRoleRepository;
  readonly instanceProfiles: PostgresInstanceProfileRepository;
  readonly loginProfiles: PostgresLoginProfileRepository;
  readonly mfaDevices: PostgresMfaDeviceRepository;
  readonly credentialReports: PostgresCredentialReportRepository;
  readonly sessions: PostgresSessionRepository;
  readonly signInAttempts: PostgresSignInAttemptRepository;
  readonly audit: PostgresAuditRepository;
  readonly identityProviders: PostgresIdentityProviderRepository;
  readonly serverCertificates: PostgresServerCertificateRepository;
  readonly userCredentials: PostgresUserCredentialRepository;

  get root(): PostgresStore {
    return this.shared.root ?? this;
  }

  /** The store on the pool (`unit` undefined), or a store scoped to one unit's transaction. */
  private constructor(
    private readonly shared: Shared,
    private readonly sql: Sql,
    private readonly unit: ClientSql | undefined,
  ) {
    this.users = new PostgresUserRepository(sql);
    this.tags = new PostgresTagRepository(sql);
    this.account = new PostgresAccountRepository(sql, shared.account, unit === undefined);
    this.accessKeys = new PostgresAccessKeyRepository(sql);
    this.managedPolicies = new PostgresManagedPolicyRepository(sql);
    this.attachments = new PostgresAttachmentRepository(sql);
    this.inlinePolicies = new PostgresInlinePolicyRepository(sql);
    this.groups = new PostgresGroupRepository(sql);
    this.roles = new PostgresRoleRepository(sql);
    this.instanceProfiles = new PostgresInstanceProfileRepository(sql);
    this.loginProfiles = new PostgresLoginProfileRepository(sql);
    this.mfaDevices = new PostgresMfaDeviceRepository(sql);
    this.credentialReports = new PostgresCredentialReportRepository(sql);
    this.sessions = new PostgresSessionRepository(sql);
    this.signInAttempts = new PostgresSignInAttemptRepository(sql);
    this.audit = new PostgresAuditRepository(sql);
    this.identityProviders = new PostgresIdentityProviderRepository(sql);
    this.serverCertificates = new PostgresServerCertificateRepository(sql);
    this.userCredentials = new PostgresUserCredentialRepository(sql);
  }

  /** A store on `pool` (whose schema is up to date). */
  static onPool(pool: pg.Pool, invalidation?: InvalidationListener): PostgresStore {
    const account = new AccountCache(() => invalidation?.trusted ?? false);
    const shared: Shared = { pool, rollbackListeners: [], invalidation, account };
    invalidation?.onChange(() => account.forget());
    shared.root = new PostgresStore(shared, new PoolSql(pool, (fn) => runUnit(shared, 'write', fn)), undefined);
    return shared.root;
  }

  /** One serializable transaction, re-run from the start when it loses a race; a call on a scoped store joins it. */
  transaction<T>(fn: (store: PostgresStore) => Promise<T>): Promise<T> {
    if (this.unit) return fn(this);
    return runUnit(this.shared, 'write', (sql) => fn(new PostgresStore(this.shared, sql, sql)));
  }

  /** One snapshot (REPEATABLE READ, read only); a call on a scoped store joins its unit. */
  read<T>(fn: (store: PostgresStore) => Promise<T>): Promise<T> {
    if (this.unit) return fn(this);
    return runUnit(this.shared, 'read', (sql) => fn(new PostgresStore(this.shared, sql, sql)));
  }

  /** On PostgreSQL every write unit commits on its own before it resolves: the same as `transaction`. */
  groupWrite<T>(fn: (store: PostgresStore) => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  /** Every unit has committed when its promise resolved, so nothing is ever pending. */
  settled(): Promise<void> {
    return SETTLED;
  }

  onRollback(listener: () => void): void {
    this.shared.rollbackListeners.push(listener);
  }

  /** NOTIFY in the unit's transaction (delivered when it commits); outside a unit, at once. */
  async announceChange(): Promise<void> {
    await this.sql.row('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, '']);
  }

  onExternalChange(listener: () => void): void {
    this.shared.invalidation?.onChange(listener);
  }

  cachesTrusted(): boolean {
    return this.shared.invalidation?.trusted ?? false;
  }

  /** The server process id of the listening connection (undefined while it is down); for tests. */
  get listenerBackendPid(): number | undefined {
    return this.shared.invalidation?.backendPid;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return (await this.sql.row<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.sql.run('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }

  /** Empties every table but `schema_migrations`, in one statement (identity sequences continue, as SQLite's do). */
  async wipe(): Promise<void> {
    const tables = await this.sql.rows<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY 1`,
    );
    if (tables.length === 0) return;
    const truncate = `TRUNCATE ${tables.map(({ name }) => `"${name.replace(/"/g, '""')}"`).join(', ')}`;
    // TRUNCATE locks its tables one by one: a concurrent unit (the audit flush, a last-used update) holding one of
    // them while waiting for another is a deadlock, which PostgreSQL resolves by failing one side — run it again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.sql.run(truncate);
        this.shared.account.forget();
        return;
      } catch (error) {
        if (errorCode(error) !== '40P01' || attempt >= 5) throw error;
        await delay(10 * attempt);
      }
    }
  }

  /** Closes the pool (waits for checked-out connections to be released). Only the store itself closes, not a unit. */
  close(): Promise<void> {
    if (this.unit) return Promise.reject(new Error('close() is called on the store, not on the store scoped to a unit'));
    return (this.shared.invalidation?.close() ?? SETTLED).then(() => this.shared.pool.end());
  }
}

const SETTLED = Promise.resolve();

/**
 * Runs `fn` in one transaction on a client of the pool. A write unit is SERIALIZABLE and is rolled back and run
 * again (bounded, with jittered exponential back-off) when any of its statements, or its commit, failed with a
 * retryable error — whatever `fn` turned that error into. A read unit is REPEATABLE READ READ ONLY, never retried.
 */
async function runUnit<T>(shared: Shared, mode: 'write' | 'read', fn: (sql: ClientSql) => Promise<T>): Promise<T> {
  let uniqueRetries = 0;
  for (let attempt = 1; ; attempt++) {
    const client = await shared.pool.connect();
    // A checked-out client has no pool listener: a connection lost between two statements (server restart,
    // pg_terminate_backend) would be an unhandled 'error' event that ends the process. The next statement (or
    // the ROLLBACK) fails instead, and the broken client is discarded below.
    client.on('error', ignoreError);
    const sql = new ClientSql(client);
    let broken: Error | undefined;
    let locked = false;
    try {
      // Write units of every instance hold one advisory lock, so they run one at a time as on SQLite: count-based
      // checks (quotas, "at most N") of concurrent writes no longer abort each other, which under load exhausted
      // the retries and answered 500. Taken before BEGIN, so the transaction's snapshot is taken after the previous
      // holder committed. SERIALIZABLE stays as the guarantee behind it.
      if (mode === 'write') {
        await client.query(WRITE_LOCK);
        locked = true;
      }
      await client.query(mode === 'write' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await fn(sql);
      // A statement failed and `fn` carried on: PostgreSQL would answer COMMIT with a silent ROLLBACK.
      if (sql.failure !== undefined) throw sql.failure;
      await client.query('COMMIT');
      // A unit that wrote the account: a row read outside it meanwhile is the one from before.
      shared.account.ended(sql);
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError as Error; // The connection is unusable: the pool must not hand it out again.
      }
      shared.account.ended(sql);
      if (sql.wrote) for (const listener of shared.rollbackListeners) listener();
      const code = errorCode(sql.failure ?? error);
      const retry = code === '23505' ? uniqueRetries++ < MAX_UNIQUE_RETRIES : code !== undefined && RETRYABLE.has(code);
      if (mode === 'write' && retry && attempt < MAX_ATTEMPTS) {
        await delay(Math.random() * Math.min(100, 2 ** attempt));
        continue;
      }
      throw error;
    } finally {
      if (locked && !broken) {
        try {
          await client.query(WRITE_UNLOCK);
        } catch (unlockError) {
          broken = unlockError as Error; // The session (and with it the lock) must end: drop the connection.
        }
      }
      client.off('error', ignoreError);
      client.release(broken);
    }
  }
}

/** The advisory lock every write unit holds from before BEGIN until after COMMIT (one key for the database). */
const WRITE_LOCK = 'SELECT pg_advisory_lock(7126451)';
const WRITE_UNLOCK = 'SELECT pg_advisory_unlock(7126451)';

function ignoreError(): void {
  // See runUnit: the failure surfaces through the statement that meets it.
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Connects to `url` (`postgres://…`), brings the schema up to date (once across instances) and opens the store. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: TYPES });
  // An idle connection that the server closed (restart, failover) is dropped by the pool; without a listener the
  // 'error' event would end the process. The next query opens a new connection.
  pool.on('error', () => undefined);
  let invalidation: InvalidationListener;
  try {
    await migrate(pool);
    invalidation = await InvalidationListener.start(
      { connectionString: url },
      { heartbeatMs: options.heartbeatMs, reconnectMinMs: options.reconnectMinMs },
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
  return PostgresStore.onPool(pool, invalidation);
}
