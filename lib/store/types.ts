// The Store interface: every repository the IAM domain uses, plus transactions. SQLite is one implementation.
import type { UserRepository } from './users';
import type { TagRepository } from './tags';
import type { AccountRepository } from './account';
import type { AccessKeyRepository } from './access-keys';
import type { AttachmentRepository, InlinePolicyRepository, ManagedPolicyRepository } from './policies';
import type { GroupRepository } from './groups';
import type { RoleRepository } from './roles';
import type { InstanceProfileRepository } from './instance-profiles';
import type { LoginProfileRepository } from './login-profiles';
import type { MfaDeviceRepository } from './mfa-devices';
import type { CredentialReportRepository } from './credential-reports';
import type { SessionRepository } from './sessions';
import type { SignInAttemptRepository } from './sign-in-attempts';
import type { AuditRepository } from './audit';
import type { IdentityProviderRepository } from './identity-providers';
import type { ServerCertificateRepository } from './server-certificates';
import type { UserCredentialRepository } from './user-credentials';

export type { UserRecord, UserRepository, Page } from './users';
export type { Tag, TagRepository, TaggableKind } from './tags';
export type { AccountRecord, AccountRepository } from './account';
export type { AccessKeyRecord, AccessKeyRepository } from './access-keys';
export type * from './policies';
export type { GroupRecord, GroupRepository } from './groups';
export type { RoleRecord, RoleChanges, RoleRepository } from './roles';
export type { InstanceProfileRecord, InstanceProfileRepository } from './instance-profiles';
export type { LoginProfileRecord, LoginProfileRepository } from './login-profiles';
export type { MfaDeviceRecord, MfaDeviceRepository, MfaAssignmentStatus } from './mfa-devices';
export type { CredentialReportRecord, CredentialReportRepository } from './credential-reports';
export type { SessionRecord, SessionRepository } from './sessions';
export type { SignInAttemptRecord, SignInAttemptRepository } from './sign-in-attempts';
export type { OidcProviderRecord, SamlProviderRecord, IdentityProviderRepository } from './identity-providers';
export type { ServerCertificateRecord, ServerCertificateRepository } from './server-certificates';
export type * from './user-credentials';
export type { AuditEventRecord, AuditQuery, AuditPage, AuditOutcome, AuditRepository, ServiceAccessRecord } from './audit';

/**
 * All persistence of Gatehouse. Repositories are synchronous; `transaction` makes a function's writes atomic
 * (nested calls join the outer transaction). Repositories of other aggregates are added as fields here.
 */
export interface Store {
  transaction<T>(fn: () => T): T;
  /** Runs reads on one consistent snapshot without taking the write lock. */
  read<T>(fn: () => T): T;
  /**
   * Group commit: runs one operation's writes atomically (a savepoint) inside a transaction shared with the
   * other operations of the same event-loop turn, committed once when the turn ends. Answer a caller only
   * after `settled()` resolves: if the shared commit fails, every operation of the group fails with it.
   * `transaction` first commits an open group, so its own writes are committed when it returns.
   */
  groupWrite<T>(fn: () => T): T;
  /** Resolves when every write made so far is committed (at once when none is pending); rejects when it failed. */
  settled(): Promise<void>;
  /** Registers a listener called after a group's commit failed and was rolled back (caches must forget it). */
  onRollback(listener: () => void): void;
  readonly users: UserRepository;
  readonly tags: TagRepository;
  readonly account: AccountRepository;
  readonly accessKeys: AccessKeyRepository;
  readonly managedPolicies: ManagedPolicyRepository;
  readonly attachments: AttachmentRepository;
  readonly inlinePolicies: InlinePolicyRepository;
  readonly groups: GroupRepository;
  readonly roles: RoleRepository;
  readonly instanceProfiles: InstanceProfileRepository;
  readonly loginProfiles: LoginProfileRepository;
  readonly mfaDevices: MfaDeviceRepository;
  readonly credentialReports: CredentialReportRepository;
  readonly sessions: SessionRepository;
  readonly signInAttempts: SignInAttemptRepository;
  readonly audit: AuditRepository;
  readonly identityProviders: IdentityProviderRepository;
  readonly serverCertificates: ServerCertificateRepository;
  readonly userCredentials: UserCredentialRepository;
  /** Key/value settings of the installation (e.g. demo seeded, session signing secret). */
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;
  /** Removes every row of every table (used by `POST /_gatehouse/reset`). */
  wipe(): void;
  close(): void;
}
