// The default-version document of a managed policy (AWS or customer managed), through the IAM policies' resolver.
import { isAwsManagedPolicyArn as isAwsManaged } from '../core/managed-policy-catalogue';
import { resolveManagedPolicy } from './resolve-policy';
import type { Store } from '../store/types';

/** True when the ARN names an AWS managed policy (`arn:aws:iam::aws:policy/...`). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return isAwsManaged(arn);
}

/** The name and default-version document of a managed policy, or undefined when it does not exist. */
export async function managedPolicyDocument(store: Store, arn: string): Promise<{ policyName: string; document: string } | undefined> {
  const resolved = await resolveManagedPolicy(store, arn);
  return resolved ? { policyName: resolved.policyName, document: resolved.document } : undefined;
}
