// GetPolicyVersion: one version of a managed policy with its document (URL-encoded on the wire by the encoder).
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { managedPolicyCatalogue } from '../../core/managed-policy-catalogue';
import { requireManagedPolicy } from './managed-policy';

export const getPolicyVersion: IamOperation<'GetPolicyVersion'> = async (ctx, input) => {
  const policy = await requireManagedPolicy(ctx.store, input.PolicyArn);
  const versionId = input.VersionId;
  const notFound = () => new NoSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
  if (policy.isAwsManaged) {
    const version = managedPolicyCatalogue().getVersion(policy.arn, versionId);
    if (!version) throw notFound();
    return {
      PolicyVersion: {
        Document: version.document,
        VersionId: version.versionId,
        IsDefaultVersion: version.isDefaultVersion,
        CreateDate: version.createDate,
      },
    };
  }
  const version = await ctx.store.managedPolicies.getVersion(policy.arn, versionId);
  if (!version) throw notFound();
  return {
    PolicyVersion: {
      Document: version.document,
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: version.createDate,
    },
  };
};
