// ListPolicies: AWS managed and customer managed policies (Scope), by name, filtered by path prefix and usage.
import type { IamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { managedPolicyCatalogue } from '../../core/managed-policy-catalogue';
import { policyView, type ManagedPolicyInfo } from './managed-policy';

/** Sort key of a listed policy: its name ignoring case, AWS managed before a customer policy of the same name. */
function sortKey(policy: ManagedPolicyInfo): string {
  return `${policy.policyName.toLowerCase()}\u0000${policy.isAwsManaged ? 'a' : 'l'}`;
}

interface Listed {
  info: ManagedPolicyInfo;
  key: string;
}

let awsSource: readonly unknown[] | undefined;
let awsListed: Listed[] = [];

/** The AWS catalogue as listed entries with their sort keys, built once per catalogue. */
function awsEntries(): Listed[] {
  const policies = managedPolicyCatalogue().list();
  if (policies !== awsSource) {
    awsListed = policies.map((policy) => {
      const info: ManagedPolicyInfo = { ...policy, isAwsManaged: true };
      return { info, key: sortKey(info) };
    });
    awsSource = policies;
  }
  return awsListed;
}

function inPath(policy: { path: string }, pathPrefix: string | undefined): boolean {
  return !pathPrefix || policy.path.startsWith(pathPrefix);
}

/** Index of the first entry whose key sorts after `after` (entries are sorted by key). */
function firstAfter(entries: Listed[], after: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle].key <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

export const listPolicies: IamOperation<'ListPolicies'> = async (ctx, input) => {
  const { store } = ctx;
  const scope = input.Scope ?? 'All';
  const pathPrefix = input.PathPrefix;
  const attachmentCounts = await store.attachments.countsByPolicy();
  const boundaryCounts = await store.attachments.boundaryCountsByPolicy();
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

  const aws = scope === 'Local' ? [] : awsEntries().filter((entry) => keep(entry.info));
  const local: Listed[] = [];
  if (scope !== 'AWS') {
    // Customer policies are at most a quota of 1,500: read them whole and merge with the AWS catalogue in memory.
    const page = await store.managedPolicies.list({ pathPrefix, limit: Number.MAX_SAFE_INTEGER });
    for (const record of page.items) {
      const info: ManagedPolicyInfo = { ...record, isAwsManaged: false };
      if (keep(info)) local.push({ info, key: sortKey(info) });
    }
  }

  const after = decodeMarker(input.Marker);
  const limit = pageSize(input.MaxItems);
  const items: Listed[] = [];
  let a = after === undefined ? 0 : firstAfter(aws, after);
  let l = after === undefined ? 0 : firstAfter(local, after);
  let more = false;
  while (a < aws.length || l < local.length) {
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(l >= local.length || (a < aws.length && aws[a].key < local[l].key) ? aws[a++] : local[l++]);
  }
  return {
    Policies: items.map(({ info }) => policyView(info, countsOf(info.arn))),
    ...pageResult(more ? items[items.length - 1].key : undefined),
  };
};
