// ListPolicyVersions: a managed policy's versions, newest first, without their documents, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { managedPolicyCatalogue } from '../../core/managed-policy-catalogue';
import { requireManagedPolicy } from './managed-policy';

/** A key that sorts versions newest first: `v12` before `v3`. */
function newestFirstKey(version: { versionId: string }): string {
  const n = Number(version.versionId.slice(1)) || 0;
  return String(1e9 - n).padStart(10, '0');
}

export const listPolicyVersions: IamOperation<'ListPolicyVersions'> = async (ctx, input) => {
  const policy = await requireManagedPolicy(ctx.store, input.PolicyArn);
  const versions = policy.isAwsManaged
    ? managedPolicyCatalogue().get(policy.arn)!.versions
    : await ctx.store.managedPolicies.listVersions(policy.arn);
  const page = paginateArray(versions, newestFirstKey, input.Marker, input.MaxItems);
  return {
    Versions: page.items.map((version) => ({
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: version.createDate,
    })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
