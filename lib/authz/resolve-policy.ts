// Resolves a managed policy ARN (AWS managed or customer managed) to its default document: the authorizer's lookup.
import type { Store } from '../store/types';
import { isAwsManagedPolicyArn, managedPolicyCatalogue } from '../core/managed-policy-catalogue';

/** A managed policy with its default version's document. */
export interface ResolvedManagedPolicy {
  arn: string;
  policyName: string;
  path: string;
  defaultVersionId: string;
  /** The default version's JSON document. */
  document: string;
  isAwsManaged: boolean;
}

/** The policy named by `arn` with its default document, or undefined when no such policy exists. */
export async function resolveManagedPolicy(store: Store, arn: string): Promise<ResolvedManagedPolicy | undefined> {
  if (isAwsManagedPolicyArn(arn)) {
    const policy = managedPolicyCatalogue().get(arn);
    if (!policy) return undefined;
    return {
      arn,
      policyName: policy.policyName,
      path: policy.path,
      defaultVersionId: policy.defaultVersionId,
      document: policy.document,
      isAwsManaged: true,
    };
  }
  const found = await store.managedPolicies.getWithDefaultDocument(arn);
  if (!found) return undefined;
  const { policy, document } = found;
  return {
    arn,
    policyName: policy.policyName,
    path: policy.path,
    defaultVersionId: policy.defaultVersionId,
    document,
    isAwsManaged: false,
  };
}
