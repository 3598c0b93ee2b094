// The policy parts of the Store interface: customer managed policies and versions, attachments, inline policies.

/** Kinds of principal a policy can be attached to or embedded in. */
export type PrincipalKind = 'user' | 'group' | 'role';

export interface ManagedPolicyRecord {
  policyId: string;
  arn: string;
  policyName: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  /** Number for the next version id (`v<n>`). */
  nextVersion: number;
  createDate: string;
  updateDate: string;
}

export interface PolicyVersionRecord {
  policyArn: string;
  versionId: string;
  document: string;
  createDate: string;
}

export interface AttachmentRecord {
  principalKind: PrincipalKind;
  principalId: string;
  policyArn: string;
  attachDate: string;
}

export interface InlinePolicyRecord {
  principalKind: PrincipalKind;
  principalId: string;
  policyName: string;
  document: string;
}

/** Customer managed policies (AWS managed ones come from a data package, see lib/iam/policies). */
export interface ManagedPolicyRepository {
  insert(policy: ManagedPolicyRecord, firstVersion: PolicyVersionRecord): Promise<void>;
  getByArn(arn: string): Promise<ManagedPolicyRecord | undefined>;
  getByName(policyName: string): Promise<ManagedPolicyRecord | undefined>;
  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<{ items: ManagedPolicyRecord[]; next?: string }>;
  update(
    arn: string,
    changes: Partial<Pick<ManagedPolicyRecord, 'defaultVersionId' | 'nextVersion' | 'updateDate' | 'description'>>,
  ): Promise<void>;
  delete(arn: string): Promise<void>;
  count(): Promise<number>;
  /** The policy with its default version's document in one lookup (the authorizer's hot path). */
  getWithDefaultDocument(arn: string): Promise<{ policy: ManagedPolicyRecord; document: string } | undefined>;
  getVersion(arn: string, versionId: string): Promise<PolicyVersionRecord | undefined>;
  /** Versions of a policy, newest first. */
  listVersions(arn: string): Promise<PolicyVersionRecord[]>;
  /** How many versions a policy has (its documents unread: the version quota of CreatePolicyVersion). */
  countVersions(arn: string): Promise<number>;
  insertVersion(version: PolicyVersionRecord): Promise<void>;
  deleteVersion(arn: string, versionId: string): Promise<void>;
}

export interface AttachmentRepository {
  attach(attachment: AttachmentRecord): Promise<void>;
  detach(principalKind: PrincipalKind, principalId: string, policyArn: string): Promise<void>;
  /** Policies attached to one principal, in attachment order. */
  listForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<AttachmentRecord[]>;
  /** Principals a policy is attached to. */
  listForPolicy(policyArn: string): Promise<AttachmentRecord[]>;
  countForPolicy(policyArn: string): Promise<number>;
  countForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<number>;
  /** Number of attachments of every attached policy, by policy ARN. */
  countsByPolicy(): Promise<Map<string, number>>;
  removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<void>;
  /** Principals a policy is attached to, with their names and paths, ordered by kind then name. */
  listEntitiesForPolicy(policyArn: string): Promise<PolicyEntity[]>;
  /** Users and roles whose permissions boundary is `policyArn` (read from the users and roles tables). */
  listBoundaryUsage(policyArn: string): Promise<PolicyEntity[]>;
  countBoundaryUsage(policyArn: string): Promise<number>;
  /** Number of users and roles using each policy as permissions boundary, by policy ARN. */
  boundaryCountsByPolicy(): Promise<Map<string, number>>;
}

/** A principal that uses a policy, as ListEntitiesForPolicy reports it. */
export interface PolicyEntity {
  principalKind: PrincipalKind;
  principalId: string;
  name: string;
  path: string;
}

export interface InlinePolicyRepository {
  /** Creates or replaces (names compared ignoring case). */
  put(policy: InlinePolicyRecord): Promise<void>;
  get(principalKind: PrincipalKind, principalId: string, policyName: string): Promise<InlinePolicyRecord | undefined>;
  list(principalKind: PrincipalKind, principalId: string): Promise<InlinePolicyRecord[]>;
  delete(principalKind: PrincipalKind, principalId: string, policyName: string): Promise<void>;
  removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<void>;
}
