// The account's authorization picture as the explorer uses it: serialisable snapshot of
// GetAccountAuthorizationDetails (users, groups, roles, managed policies with every version).

/** An inline policy: its name and its document (decoded JSON text). */
export interface SnapshotInlinePolicy {
  name: string;
  document: string;
}

/** A managed policy attached to a principal. */
export interface SnapshotAttachedPolicy {
  name: string;
  arn: string;
}

/** An IAM user with its groups, policies and permissions boundary. */
export interface SnapshotUser {
  name: string;
  id: string;
  arn: string;
  path: string;
  groups: string[];
  inline: SnapshotInlinePolicy[];
  attached: SnapshotAttachedPolicy[];
  boundaryArn?: string;
  tags: Record<string, string>;
}

/** An IAM group with its policies. */
export interface SnapshotGroup {
  name: string;
  id: string;
  arn: string;
  path: string;
  inline: SnapshotInlinePolicy[];
  attached: SnapshotAttachedPolicy[];
}

/** An IAM role with its trust policy, policies and permissions boundary. */
export interface SnapshotRole {
  name: string;
  id: string;
  arn: string;
  path: string;
  trustPolicy: string;
  inline: SnapshotInlinePolicy[];
  attached: SnapshotAttachedPolicy[];
  boundaryArn?: string;
  tags: Record<string, string>;
  /** RoleLastUsed.LastUsedDate (ISO), when IAM reported one. */
  lastUsed?: string;
  /** CreateDate (ISO). */
  created?: string;
}

/** One user's line of the credential report (AWS's columns that the explorer reads). */
export interface CredentialReportRow {
  user: string;
  arn: string;
  userCreationTime?: string;
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  mfaActive: boolean;
  accessKeys: { active: boolean; lastRotated?: string; lastUsed?: string }[];
}

/** The credential report, or why it could not be read. */
export type CredentialReport = { generatedAt: string; rows: CredentialReportRow[] } | { error: string };

/** One version of a managed policy (PolicyVersionList). */
export interface SnapshotPolicyVersion {
  versionId: string;
  /** Decoded JSON text. */
  document: string;
  isDefault: boolean;
  /** CreateDate (ISO). */
  created?: string;
}

/**
 * A managed policy: the document of its default version, and every version IAM returned (default included) for a
 * customer managed policy; for an AWS managed policy only the default (no account can set its default version).
 */
export interface SnapshotManagedPolicy {
  name: string;
  arn: string;
  path: string;
  document: string;
  defaultVersionId?: string;
  /** Every version, oldest first as IAM lists them; absent in snapshots read before versions were kept. */
  versions?: SnapshotPolicyVersion[];
}

/** Everything the explorer reads, in one serialisable object. */
export interface AccountSnapshot {
  accountId: string;
  partition: string;
  users: SnapshotUser[];
  groups: SnapshotGroup[];
  roles: SnapshotRole[];
  policies: SnapshotManagedPolicy[];
  /** ISO time the snapshot was read. */
  readAt: string;
  /** GetCredentialReport, when it was read with the snapshot (MFA, console and key use for the risks). */
  credentialReport?: CredentialReport;
}

/** A principal the explorer can select: `user:name`, `group:name`, `role:name`. */
export interface EntityRef {
  type: 'user' | 'group' | 'role';
  name: string;
}
