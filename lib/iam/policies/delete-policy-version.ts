// DeletePolicyVersion: removes a non-default version of a customer managed policy.
import { DeleteConflict, NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireCustomerPolicy } from './managed-policy';

export const deletePolicyVersion: IamOperation<'DeletePolicyVersion'> = async (ctx, input) => {
  const policy = await requireCustomerPolicy(ctx, input.PolicyArn);
  const versionId = input.VersionId;
  if (!(await ctx.store.managedPolicies.getVersion(policy.arn, versionId))) {
    throw new NoSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not deletable.`);
  }
  if (versionId === policy.defaultVersionId) throw new DeleteConflict('Cannot delete the default version of a policy.');
  await ctx.store.managedPolicies.deleteVersion(policy.arn, versionId);
  return {};
};
