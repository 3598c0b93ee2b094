// ListPolicies: AWS managed and customer managed policies (Scope), by name, filtered by path prefix and usage.
import type { ListPoliciesRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { listAwsManagedPolicies } from './aws-managed';
import { policyView, type ManagedPolicyInfo } from './managed-policy';

/** Sort key of a listed policy: its name ignoring case, AWS managed before a customer policy of the same name. */
function sortKey(policy: ManagedPolicyInfo): string {
  return `${policy.policyName.toLowerCase()}\u0000${policy.isAwsManaged ? 'a' : 'l'}`;
}

function inPath(policy: { path: string }, pathPrefix: string | undefined): boolean {
  return !pathPrefix || policy.path.startsWith(pathPrefix);
}

export const listPolicies: Operation<ListPoliciesRequest> = (ctx, input) => {
  const { store } = ctx;
  const scope = input.Scope ?? 'All';
  const pathPrefix = input.PathPrefix;
  const attachmentCounts = store.attachments.countsByPolicy();
  const boundaryCounts = store.attachments.boundaryCountsByPolicy();
  const countsOf = (arn: string) => ({ attachmentCount: attachmentCounts.get(arn) ?? 0, boundaryUsageCount: boundaryCounts.get(arn) ?? 0 });

  // Every managed policy may serve as a permissions policy or as a boundary, so the usage filter only narrows
  // the result together with OnlyAttached: to the policies used in that way.
  const used = (arn: string): boolean => {
    const counts = countsOf(arn);
    if (input.PolicyUsageFilter === 'PermissionsPolicy') return counts.attachmentCount > 0;
    if (input.PolicyUsageFilter === 'PermissionsBoundary') return counts.boundaryUsageCount > 0;
    return counts.attachmentCount > 0 || counts.boundaryUsageCount > 0;
  };
  const keep = (policy: ManagedPolicyInfo) => inPath(policy, pathPrefix) && (!input.OnlyAttached || used(policy.arn));

  const aws: ManagedPolicyInfo[] = [];
  if (scope !== 'Local') {
    for (const policy of listAwsManagedPolicies()) {
      const info = { ...policy, isAwsManaged: true };
      if (keep(info)) aws.push(info);
    }
  }
  const local: ManagedPolicyInfo[] = [];
  if (scope !== 'AWS') {
    // Customer policies are at most a quota of 1,500: read them whole and merge with the AWS catalogue in memory.
    const page = store.managedPolicies.list({ pathPrefix, limit: Number.MAX_SAFE_INTEGER });
    for (const record of page.items) {
      const info = { ...record, isAwsManaged: false };
      if (keep(info)) local.push(info);
    }
  }

  const after = decodeMarker(input.Marker);
  const limit = pageSize(input.MaxItems);
  const items: ManagedPolicyInfo[] = [];
  let a = 0;
  let l = 0;
  let more = false;
  while (a < aws.length || l < local.length) {
    const next = l >= local.length || (a < aws.length && sortKey(aws[a]) < sortKey(local[l])) ? aws[a++] : local[l++];
    if (after !== undefined && sortKey(next) <= after) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(next);
  }
  return {
    Policies: items.map((policy) => policyView(policy, countsOf(policy.arn))),
    ...pageResult(more ? sortKey(items[items.length - 1]) : undefined),
  };
};
