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
 * All persistence of Gatehouse (the contract is docs/STORAGE.md). Repositories are asynchronous. A *unit* —
 * `read`, `transaction` or `groupWrite` — runs a function on a Store scoped to it: code inside must use that
 * scoped store, and calls of `read`/`transaction`/`groupWrite` on it join the unit. A unit must not await
 * anything but the store (hash passwords, verify tokens before it): SQLite serialises units in the process.
 */
export interface Store {
  /**
   * The instance's store: itself, or for a store scoped to a unit the store the unit was started on. What is
   * cached per store (policy generations, policy sets, lookups) is keyed by it, so every unit shares the caches.
   */
  readonly root: Store;
  /** Runs `fn`'s writes atomically and commits them before resolving (nested units join the outer one). */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** Runs reads on one consistent view. */
  read<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /**
   * One operation's writes, atomically. SQLite shares one commit among the operations of an event-loop turn
   * (group commit): answer a caller only after `settled()` resolves; if the shared commit fails, every operation
   * of the group fails with it. PostgreSQL commits each unit before it resolves.
   */
  groupWrite<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** Resolves when every write made so far is committed (at once when none is pending); rejects when it failed. */
  settled(): Promise<void>;
  /** Registers a listener called after a commit failed and was rolled back (caches must forget it). */
  onRollback(listener: () => void): void;
  /**
   * Tells every instance sharing the database that what it caches from the store may be stale, once this unit
   * commits (PostgreSQL: a NOTIFY in the unit's transaction, delivered only on commit; outside a unit at once).
   * SQLite: nothing to tell (one process; its caches are invalidated in-process).
   */
  announceChange(): Promise<void>;
  /**
   * Registers a listener called when any instance announced a change (this one included), and whenever the
   * channel that carries the announcements is lost or restored: the listener drops what it caches.
   */
  onExternalChange(listener: () => void): void;
  /**
   * False while changes made by other instances could go unannounced (the listening connection is down): caches
   * must then be bypassed, never served. Always true on SQLite.
   */
  cachesTrusted(): boolean;
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
  /** Reads (and, outside the service's own writer, writes) the audit trail. */
  readonly audit: AuditRepository;
  /**
   * SQLite: the file the audit trail lives in (audit.db in the data directory), which the service's audit worker
   * thread writes (lib/audit/worker-writer.ts) while `audit` reads it. Undefined on PostgreSQL, where every
   * instance writes the shared tables through `audit`.
   */
  readonly auditFile?: string;
  readonly identityProviders: IdentityProviderRepository;
  readonly serverCertificates: ServerCertificateRepository;
  readonly userCredentials: UserCredentialRepository;
  /** Key/value settings of the installation (e.g. demo seeded, session signing secret). */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /** Removes every row of every table (used by `POST /_gatehouse/reset`). */
  wipe(): Promise<void>;
  close(): Promise<void>;
}
