// The SQLite Store: one database file in the data directory, one repository object per aggregate.
import type { Store } from '../types';
import { openDatabase, type SqliteDatabase } from './database';
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
    this.setSettingStatement = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  read<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).deferred();
  }

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      this.account.invalidate();
      throw error;
    }
  }

  getSetting(key: string): string | undefined {
    return this.getSettingStatement.get(key)?.value;
  }

  setSetting(key: string, value: string): void {
    this.setSettingStatement.run(key, value);
  }

  wipe(): void {
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
    this.db.close();
  }
}

/** Opens the embedded store in a data directory. */
export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(dataDir);
}
