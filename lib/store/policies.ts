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
  insert(policy: ManagedPolicyRecord, firstVersion: PolicyVersionRecord): void;
  getByArn(arn: string): ManagedPolicyRecord | undefined;
  getByName(policyName: string): ManagedPolicyRecord | undefined;
  list(options: { pathPrefix?: string; after?: string; limit: number }): { items: ManagedPolicyRecord[]; next?: string };
  update(arn: string, changes: Partial<Pick<ManagedPolicyRecord, 'defaultVersionId' | 'nextVersion' | 'updateDate' | 'description'>>): void;
  delete(arn: string): void;
  count(): number;
  /** The policy with its default version's document in one lookup (the authorizer's hot path). */
  getWithDefaultDocument(arn: string): { policy: ManagedPolicyRecord; document: string } | undefined;
  getVersion(arn: string, versionId: string): PolicyVersionRecord | undefined;
  /** Versions of a policy, newest first. */
  listVersions(arn: string): PolicyVersionRecord[];
  insertVersion(version: PolicyVersionRecord): void;
  deleteVersion(arn: string, versionId: string): void;
}

export interface AttachmentRepository {
  attach(attachment: AttachmentRecord): void;
  detach(principalKind: PrincipalKind, principalId: string, policyArn: string): void;
  /** Policies attached to one principal, in attachment order. */
  listForPrincipal(principalKind: PrincipalKind, principalId: string): AttachmentRecord[];
  /** Principals a policy is attached to. */
  listForPolicy(policyArn: string): AttachmentRecord[];
  countForPolicy(policyArn: string): number;
  countForPrincipal(principalKind: PrincipalKind, principalId: string): number;
  /** Number of attachments of every attached policy, by policy ARN. */
  countsByPolicy(): Map<string, number>;
  removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): void;
  /** Principals a policy is attached to, with their names and paths, ordered by kind then name. */
  listEntitiesForPolicy(policyArn: string): PolicyEntity[];
  /** Users and roles whose permissions boundary is `policyArn` (read from the users and roles tables). */
  listBoundaryUsage(policyArn: string): PolicyEntity[];
  countBoundaryUsage(policyArn: string): number;
  /** Number of users and roles using each policy as permissions boundary, by policy ARN. */
  boundaryCountsByPolicy(): Map<string, number>;
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
  put(policy: InlinePolicyRecord): void;
  get(principalKind: PrincipalKind, principalId: string, policyName: string): InlinePolicyRecord | undefined;
  list(principalKind: PrincipalKind, principalId: string): InlinePolicyRecord[];
  delete(principalKind: PrincipalKind, principalId: string, policyName: string): void;
  removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): void;
}
