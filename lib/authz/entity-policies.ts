// The identity-based policies of an IAM entity as documents: a user's own and its groups', a group's, a role's.
import type { SourcePolicyType } from '../policy';
import type { PrincipalKind, Store } from '../store/types';
import { isAwsManagedPolicyArn, managedPolicyDocument } from './managed-policy-documents';

/** One policy document that applies to an entity, with where it came from. */
export interface EntityPolicyDocument {
  /** The inline policy's name or the managed policy's name (AWS's `SourcePolicyId`). */
  policyId: string;
  /** AWS's `SourcePolicyType`: user/group/role (inline), aws-managed, user-managed. */
  sourceType: SourcePolicyType;
  /** The managed policy's ARN (managed policies only). */
  policyArn?: string;
  document: string;
}

/** What a policy set was built from (for narrow cache invalidation, see principal-policies.ts). */
export interface PolicySources {
  /** Lower-cased names of the user's groups. */
  groups: Set<string>;
  /** ARNs of every managed policy referenced (attached, boundary, session), resolved or not. */
  policyArns: Set<string>;
  /** True when some referenced ARN did not resolve (a later CreatePolicy may make it resolve). */
  unresolved: boolean;
}

async function policiesOf(
  store: Store,
  kind: PrincipalKind,
  id: string,
  out: EntityPolicyDocument[],
  sources?: PolicySources,
): Promise<void> {
  for (const inline of await store.inlinePolicies.list(kind, id)) {
    out.push({ policyId: inline.policyName, sourceType: kind, document: inline.document });
  }
  for (const attachment of await store.attachments.listForPrincipal(kind, id)) {
    const managed = await managedPolicyDocument(store, attachment.policyArn);
    sources?.policyArns.add(attachment.policyArn);
    if (!managed) {
      if (sources) sources.unresolved = true;
      continue;
    }
    out.push({
      policyId: managed.policyName,
      sourceType: isAwsManagedPolicyArn(attachment.policyArn) ? 'aws-managed' : 'user-managed',
      policyArn: attachment.policyArn,
      document: managed.document,
    });
  }
}

/**
 * Identity-based policies of an entity, in AWS's order: the entity's inline then attached policies; for a
 * user, then each of its groups' inline and attached policies.
 */
export async function entityPolicyDocuments(
  store: Store,
  kind: PrincipalKind,
  id: string,
  sources?: PolicySources,
): Promise<EntityPolicyDocument[]> {
  const out: EntityPolicyDocument[] = [];
  await policiesOf(store, kind, id, out, sources);
  if (kind === 'user') {
    for (const group of await store.groups.listForUser(id)) {
      sources?.groups.add(group.groupName.toLowerCase());
      await policiesOf(store, 'group', group.groupId, out, sources);
    }
  }
  return out;
}

/** The permissions boundary of a user or role as a document, if it has one that resolves. */
export async function boundaryDocument(store: Store, boundaryArn: string | undefined): Promise<EntityPolicyDocument | undefined> {
  if (!boundaryArn) return undefined;
  const managed = await managedPolicyDocument(store, boundaryArn);
  if (!managed) return undefined;
  return {
    policyId: managed.policyName,
    sourceType: isAwsManagedPolicyArn(boundaryArn) ? 'aws-managed' : 'user-managed',
    policyArn: boundaryArn,
    document: managed.document,
  };
}
