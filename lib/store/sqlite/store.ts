// The SQLite Store: one database file in the data directory, one repository object per aggregate.
import type { Store } from '../types';
import { openDatabase, type SqliteDatabase } from './database';
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
  /** One transaction wrapper for every call (better-sqlite3 builds a new one per `db.transaction(fn)`). */
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  private readonly beginStatement: Database.Statement;
  private readonly commitStatement: Database.Statement;
  private readonly rollbackStatement: Database.Statement;
  /** The open group commit (see `groupWrite`), with the promise its callers wait for. */
  private group: { committed: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | undefined;
  /** Depth of `groupWrite` calls running now (a nested `transaction` joins them instead of committing). */
  private groupDepth = 0;
  private readonly rollbackListeners: (() => void)[] = [];

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir);
    this.users = new SqliteUserRepository(this.db);
    this.tags = new SqliteTagRepository(this.db);
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
    this.audit = new SqliteAuditRepository(this.db);
    this.identityProviders = new SqliteIdentityProviderRepository(this.db);
    this.serverCertificates = new SqliteServerCertificateRepository(this.db);
    this.userCredentials = new SqliteUserCredentialRepository(this.db);
    this.getSettingStatement = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.inTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.beginStatement = this.db.prepare('BEGIN IMMEDIATE');
    this.commitStatement = this.db.prepare('COMMIT');
    this.rollbackStatement = this.db.prepare('ROLLBACK');
    this.setSettingStatement = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  read<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.inTransaction.deferred(fn) as T;
  }

  transaction<T>(fn: () => T): T {
    if (this.groupDepth > 0) return fn();
    if (this.group) this.commitGroup();
    if (this.db.inTransaction) return fn();
    try {
      return this.inTransaction.immediate(fn) as T;
    } catch (error) {
      this.account.invalidate();
      throw error;
    }
  }

  groupWrite<T>(fn: () => T): T {
    if (this.groupDepth > 0) return fn();
    if (!this.group) {
      // A transaction of someone else's (a caller inside `transaction`): join it, as nested calls do.
      if (this.db.inTransaction) return fn();
      this.beginStatement.run();
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const committed = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      committed.catch(() => undefined); // Awaited by the group's callers; nobody else must see it as unhandled.
      this.group = { committed, resolve, reject };
      // After every request read in this turn of the event loop has run its operation.
      setImmediate(() => this.commitGroup());
    }
    this.groupDepth++;
    try {
      // Inside the open transaction better-sqlite3 makes this a savepoint: a failing operation undoes only itself.
      return this.inTransaction(fn) as T;
    } catch (error) {
      this.account.invalidate();
      // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction: the group has failed.
      if (this.group && !this.db.inTransaction) this.failGroup(error);
      throw error;
    } finally {
      this.groupDepth--;
    }
  }

  settled(): Promise<void> {
    return this.group?.committed ?? SETTLED;
  }

  onRollback(listener: () => void): void {
    this.rollbackListeners.push(listener);
  }

  /** Commits the open group, or rolls it back and fails its callers when the commit fails. */
  private commitGroup(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    try {
      this.commitStatement.run();
      group.resolve();
    } catch (error) {
      this.group = group;
      this.failGroup(error);
    }
  }

  /** Rolls the open group back (unless SQLite already did), tells the listeners, and fails its callers. */
  private failGroup(error: unknown): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    try {
      if (this.db.inTransaction) this.rollbackStatement.run();
    } catch {
      // The connection already rolled back (SQLite does on some errors).
    }
    this.account.invalidate();
    for (const listener of this.rollbackListeners) listener();
    group.reject(error);
  }

  getSetting(key: string): string | undefined {
    return this.getSettingStatement.get(key)?.value;
  }

  setSetting(key: string, value: string): void {
    this.setSettingStatement.run(key, value);
  }

  wipe(): void {
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
      this.account.invalidate();
    }
  }

  close(): void {
    this.commitGroup();
    this.db.close();
  }
}

const SETTLED = Promise.resolve();

/** Opens the embedded store in a data directory. */
export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(dataDir);
}
