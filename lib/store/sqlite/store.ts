// The SQLite Store: one database file in the data directory, one repository object per aggregate.
import type { Store } from '../types';
import path from 'node:path';
import { holdLocks, openDatabase, type SqliteDatabase } from './database';
import { lockDataDirectory, type InstanceLock } from './instance-lock';
import { AUDIT_DATABASE_FILE, AUDIT_TABLES, moveLegacyAuditTables, openAuditDatabase } from './audit-database';
import type Database from 'better-sqlite3';
import { SqliteUserRepository } from './users';
import { SqliteTagRepository } from './tags';
import { SqliteAccountRepository } from './account';
import { SqliteAccessKeyRepository } from './access-keys';
import { SqliteManagedPolicyRepository } from './managed-policies';
import { SqliteAttachmentRepository } from './attachments';
import { SqliteInlinePolicyRepository } from './inline-policies';
import { SqliteGroupRepository } from './groups';
import { SqliteRoleRepository } from './roles';
import { SqliteInstanceProfileRepository } from './instance-profiles';
import { SqliteLoginProfileRepository } from './login-profiles';
import { SqliteMfaDeviceRepository } from './mfa-devices';
import { SqliteCredentialReportRepository } from './credential-reports';
import { SqliteSessionRepository } from './sessions';
import { SqliteSignInAttemptRepository } from './sign-in-attempts';
import { SqliteAuditRepository } from './audit';
import { SqliteIdentityProviderRepository } from './identity-providers';
import { SqliteServerCertificateRepository } from './server-certificates';
import { SqliteUserCredentialRepository } from './user-credentials';

export class SqliteStore implements Store {
  readonly db: SqliteDatabase;
  /**
   * The audit trail's own file (audit.db), on a connection of its own: the audit worker (lib/audit) writes it from
   * its thread, this connection reads it (WAL lets both run at once) and empties it on `wipe`.
   */
  readonly auditDb: SqliteDatabase;
  readonly auditFile: string;
  readonly users: SqliteUserRepository;
  readonly tags: SqliteTagRepository;
  readonly account: SqliteAccountRepository;
  readonly accessKeys: SqliteAccessKeyRepository;
  readonly managedPolicies: SqliteManagedPolicyRepository;
  readonly attachments: SqliteAttachmentRepository;
  readonly inlinePolicies: SqliteInlinePolicyRepository;
  readonly groups: SqliteGroupRepository;
  readonly roles: SqliteRoleRepository;
  readonly instanceProfiles: SqliteInstanceProfileRepository;
  readonly loginProfiles: SqliteLoginProfileRepository;
  readonly mfaDevices: SqliteMfaDeviceRepository;
  readonly credentialReports: SqliteCredentialReportRepository;
  readonly sessions: SqliteSessionRepository;
  readonly signInAttempts: SqliteSignInAttemptRepository;
  readonly audit: SqliteAuditRepository;
  readonly identityProviders: SqliteIdentityProviderRepository;
  readonly serverCertificates: SqliteServerCertificateRepository;
  readonly userCredentials: SqliteUserCredentialRepository;
  private readonly getSettingStatement;
  private readonly setSettingStatement;
  private readonly beginStatement: Database.Statement;
  private readonly commitStatement: Database.Statement;
  private readonly rollbackStatement: Database.Statement;
  private readonly savepointStatement: Database.Statement;
  private readonly releaseStatement: Database.Statement;
  private readonly rollbackToStatement: Database.Statement;
  /** This store; on the view a unit's function receives, still this store (caches are keyed by it). */
  readonly root: SqliteStore = this;
  /**
   * True on the view a unit's function receives: its `read`/`transaction`/`groupWrite` calls join the unit. Units
   * are serialised (`state.locked`): one connection has one transaction, so a unit owns it while it runs, and a
   * unit started by anyone else (another request, even one interleaved in the same turn) waits for it.
   */
  private readonly inUnit: boolean = false;
  /** The store as a unit sees it: a prototype child of this one that differs only in `inUnit`. */
  private readonly view: SqliteStore;
  private readonly state: {
    locked: boolean;
    waiters: (() => void)[];
    /** The open group commit (see `groupWrite`), with the promise its callers wait for. */
    group: { committed: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | undefined;
    /** The group's turn has ended while a unit held the lock: commit when it is released. */
    commitDue: boolean;
    /** Inside `rehearse`: one outer transaction holds every write, and is rolled back at the end. */
    rehearsal: boolean;
  } = { locked: false, waiters: [], group: undefined, commitDue: false, rehearsal: false };
  private readonly rollbackListeners: (() => void)[] = [];
  /** Held while the store is open: no other store (process) serves this data directory meanwhile. */
  private readonly instanceLock: InstanceLock;
  /**
   * Checkpoints run while the store is idle (see `checkpointWhenIdle`): units started so far (the hot path's only
   * cost: one increment), their count at the last look, commits since the last checkpoint, the checkpoints run so far
   * (`idleCheckpoints`) and the timer that looks (cleared by `close`).
   */
  private readonly idle = {
    units: 0,
    unitsSeen: 0,
    commits: 0,
    checkpoints: 0,
    timer: undefined as ReturnType<typeof setInterval> | undefined,
  };

  constructor(dataDir: string, options: SqliteStoreOptions = {}) {
    // Before anything is read or migrated: a directory another store holds is refused (./instance-lock.ts).
    this.instanceLock = lockDataDirectory(dataDir);
    this.auditFile = path.join(dataDir, AUDIT_DATABASE_FILE);
    let db: SqliteDatabase | undefined;
    let auditDb: SqliteDatabase | undefined;
    try {
      db = openDatabase(dataDir);
      auditDb = openAuditDatabase(dataDir);
      moveLegacyAuditTables(db, auditDb, db.name);
      // Only now: the move reads gatehouse.db through a connection of its own.
      holdLocks(db);
    } catch (error) {
      auditDb?.close();
      db?.close();
      this.instanceLock.release();
      throw error;
    }
    this.db = db;
    this.auditDb = auditDb;
    const users = new SqliteUserRepository(this.db);
    this.users = users;
    this.tags = new SqliteTagRepository(this.db, () => users.forget());
    this.account = new SqliteAccountRepository(this.db);
    this.accessKeys = new SqliteAccessKeyRepository(this.db);
    this.managedPolicies = new SqliteManagedPolicyRepository(this.db);
    this.attachments = new SqliteAttachmentRepository(this.db);
    this.inlinePolicies = new SqliteInlinePolicyRepository(this.db);
    this.groups = new SqliteGroupRepository(this.db);
    this.roles = new SqliteRoleRepository(this.db);
    this.instanceProfiles = new SqliteInstanceProfileRepository(this.db);
    this.loginProfiles = new SqliteLoginProfileRepository(this.db);
    this.mfaDevices = new SqliteMfaDeviceRepository(this.db);
    this.credentialReports = new SqliteCredentialReportRepository(this.db);
    this.sessions = new SqliteSessionRepository(this.db);
    this.signInAttempts = new SqliteSignInAttemptRepository(this.db);
    this.audit = new SqliteAuditRepository(this.auditDb);
    this.identityProviders = new SqliteIdentityProviderRepository(this.db);
    this.serverCertificates = new SqliteServerCertificateRepository(this.db);
    this.userCredentials = new SqliteUserCredentialRepository(this.db);
    this.getSettingStatement = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.beginStatement = this.db.prepare('BEGIN IMMEDIATE');
    this.commitStatement = this.db.prepare('COMMIT');
    this.rollbackStatement = this.db.prepare('ROLLBACK');
    this.savepointStatement = this.db.prepare('SAVEPOINT unit');
    this.releaseStatement = this.db.prepare('RELEASE unit');
    this.rollbackToStatement = this.db.prepare('ROLLBACK TO unit');
    this.view = Object.create(this, { inUnit: { value: true } }) as SqliteStore;
    this.setSettingStatement = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    const idleMs = options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS;
    if (idleMs > 0) {
      this.idle.timer = setInterval(() => this.checkpointWhenIdle(), idleMs);
      this.idle.timer.unref();
    }
  }

  /**
   * Copies the WAL into gatehouse.db (a PASSIVE checkpoint) when writes were committed since the last one and no unit
   * has started since the previous look (one interval of idleness). SQLite otherwise checkpoints inside the commit
   * that crosses `wal_autocheckpoint` (database.ts), and that request waits for it: 28-56 ms on the bench machine
   * (an fsync of up to 40 MB of WAL, then the copy). Bursty traffic (people, scripts, CI) leaves the idle time to do
   * it in (measured: bursts of 1,200 sequential CreateUser 2.5 s apart, slowest request of a burst 23-28 ms in five of
   * eight bursts before, 11-16 ms after); under sustained writes the autocheckpoint still runs. Never inside a unit,
   * a group or the warm-up's rehearsal. Returns whether it checkpointed (tests).
   */
  checkpointWhenIdle(): boolean {
    const idle = this.idle;
    const quiet = idle.units === idle.unitsSeen;
    idle.unitsSeen = idle.units;
    const state = this.state;
    if (!quiet || idle.commits === 0 || state.locked || state.group || state.rehearsal || this.db.inTransaction || !this.db.open)
      return false;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
      idle.commits = 0;
      idle.checkpoints++;
      return true;
    } catch {
      // An I/O error: the commits stay counted, so the next idle look tries again (and so does the autocheckpoint of
      // a later commit).
      return false;
    }
  }

  /** Checkpoints run by `checkpointWhenIdle` so far (diagnostics, tests). */
  get idleCheckpoints(): number {
    return this.idle.checkpoints;
  }

  async read<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.inUnit) return fn(this);
    // Holding the lock is the snapshot: no unit writes on this connection until it is released.
    await this.acquire();
    try {
      return await fn(this.view);
    } finally {
      this.release();
    }
  }

  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.inUnit) return fn(this);
    await this.acquire();
    try {
      this.commitGroup();
      // In a rehearsal the unit is a savepoint of the outer transaction (which is rolled back anyway).
      const nested = this.state.rehearsal;
      if (nested) this.assertRehearsing();
      (nested ? this.savepointStatement : this.beginStatement).run();
      try {
        const result = await fn(this.view);
        (nested ? this.releaseStatement : this.commitStatement).run();
        if (!nested) this.idle.commits++;
        return result;
      } catch (error) {
        if (nested) {
          this.rollbackToStatement.run();
          this.releaseStatement.run();
        } else {
          this.rollbackQuietly();
        }
        this.forgetCachedRows();
        throw error;
      }
    } finally {
      this.release();
    }
  }

  async groupWrite<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.inUnit) return fn(this);
    await this.acquire();
    const state = this.state;
    try {
      if (state.rehearsal) this.assertRehearsing();
      if (!state.group) {
        if (!state.rehearsal) this.beginStatement.run();
        let resolve!: () => void;
        let reject!: (error: unknown) => void;
        const committed = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        committed.catch(() => undefined); // Awaited by the group's callers; nobody else must see it as unhandled.
        state.group = { committed, resolve, reject };
        // After every request read in this turn of the event loop has run its operation.
        setImmediate(() => {
          if (state.locked) state.commitDue = true;
          else this.commitGroup();
        });
      }
      // A savepoint per unit: a failing operation undoes only itself.
      this.savepointStatement.run();
      try {
        const result = await fn(this.view);
        this.releaseStatement.run();
        return result;
      } catch (error) {
        this.forgetCachedRows();
        try {
          this.rollbackToStatement.run();
          this.releaseStatement.run();
        } catch {
          // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction.
        }
        // Then the group has failed with it.
        if (state.group && !this.db.inTransaction) this.failGroup(error);
        throw error;
      }
    } finally {
      this.release();
    }
  }

  settled(): Promise<void> {
    return this.state.group?.committed ?? SETTLED;
  }

  /** Forgets the rows repositories cache (the account, GetUser's users): after a rollback or a wipe. */
  private forgetCachedRows(): void {
    this.account.invalidate();
    this.users.forget();
  }

  onRollback(listener: () => void): void {
    this.rollbackListeners.push(listener);
  }

  /** One process owns the database: in-process invalidation is all there is. */
  announceChange(): Promise<void> {
    return SETTLED;
  }

  onExternalChange(): void {
    // No other process writes this database.
  }

  cachesTrusted(): boolean {
    return true;
  }

  /** Takes the unit lock: at once (no promise to wait for) when it is free. */
  private acquire(): Promise<void> | void {
    const state = this.state;
    this.idle.units++;
    if (!state.locked) {
      state.locked = true;
      return;
    }
    return new Promise<void>((resolve) => state.waiters.push(resolve));
  }

  /** Hands the lock to the next unit, committing first a group whose turn has ended. */
  private release(): void {
    const state = this.state;
    if (state.commitDue) {
      state.commitDue = false;
      this.commitGroup();
    }
    const next = state.waiters.shift();
    if (next) next();
    else state.locked = false;
  }

  private rollbackQuietly(): void {
    try {
      if (this.db.inTransaction) this.rollbackStatement.run();
    } catch {
      // The connection already rolled back (SQLite does on some errors).
    }
  }

  /** Commits the open group, or rolls it back and fails its callers when the commit fails. */
  private commitGroup(): void {
    const state = this.state;
    const group = state.group;
    if (!group) return;
    state.group = undefined;
    try {
      if (!state.rehearsal) {
        this.commitStatement.run();
        this.idle.commits++;
      }
      group.resolve();
    } catch (error) {
      state.group = group;
      this.failGroup(error);
    }
  }

  /** Rolls the open group back (unless SQLite already did), tells the listeners, and fails its callers. */
  private failGroup(error: unknown): void {
    const state = this.state;
    const group = state.group;
    if (!group) return;
    state.group = undefined;
    this.rollbackQuietly();
    this.forgetCachedRows();
    for (const listener of this.rollbackListeners) listener();
    group.reject(error);
  }

  /**
   * Runs `fn` with every write on this connection — units, group commits, writes outside a unit — held in one
   * transaction that is rolled back when `fn` has finished (the start-up warm-up, lib/service/warm-up.ts): what
   * `fn`'s requests wrote is never committed. Caches then hear of the rollback as after a failed group commit.
   * Only while nothing else uses the store (before the server listens): anything written meanwhile is undone too.
   */
  async rehearse<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inUnit) throw new Error('rehearse() inside a unit');
    await this.acquire();
    try {
      this.commitGroup();
      this.beginStatement.run();
      this.state.rehearsal = true;
    } finally {
      this.release();
    }
    try {
      return await fn();
    } finally {
      await this.settled().catch(() => undefined);
      await this.acquire();
      try {
        this.state.rehearsal = false;
        this.rollbackQuietly();
        this.forgetCachedRows();
        for (const listener of this.rollbackListeners) listener();
      } finally {
        this.release();
      }
    }
  }

  /**
   * A rehearsal's writes must never be committed: if its transaction is gone (SQLite rolls back on some errors), no
   * unit may run, as it would otherwise write outside any transaction, for good.
   */
  private assertRehearsing(): void {
    if (!this.db.inTransaction) throw new Error('the rehearsal transaction was rolled back; no write may run outside it');
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.getSettingStatement.get(key)?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.setSettingStatement.run(key, value);
  }

  async wipe(): Promise<void> {
    if (this.inUnit) throw new Error('wipe() inside a unit');
    await this.acquire();
    try {
      this.wipeNow();
    } finally {
      this.release();
    }
  }

  private wipeNow(): void {
    this.commitGroup();
    const tables = this.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all();
    this.db.pragma('foreign_keys = OFF');
    try {
      this.db.transaction(() => {
        for (const { name } of tables) this.db.exec(`DELETE FROM "${name}"`);
      })();
    } finally {
      this.db.pragma('foreign_keys = ON');
      this.forgetCachedRows();
    }
    this.auditDb.transaction(() => {
      for (const name of AUDIT_TABLES) this.auditDb.exec(`DELETE FROM "${name}"`);
    })();
  }

  async close(): Promise<void> {
    clearInterval(this.idle.timer);
    await this.acquire();
    this.commitGroup();
    this.db.close();
    this.auditDb.close();
    this.instanceLock.release();
  }
}

const SETTLED = Promise.resolve();

/** How often the store looks whether it is idle and has commits to checkpoint (`checkpointWhenIdle`). */
const IDLE_CHECKPOINT_MS = 1000;

export interface SqliteStoreOptions {
  /** Interval of `checkpointWhenIdle`; 0: never (SQLite's autocheckpoint only). Default 1 s. */
  idleCheckpointMs?: number;
}

/** Opens the embedded store in a data directory. */
export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(dataDir);
}
