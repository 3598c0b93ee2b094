// SetDefaultPolicyVersion: makes one of a customer managed policy's versions the one in effect.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireCustomerPolicy } from './managed-policy';

export const setDefaultPolicyVersion: IamOperation<'SetDefaultPolicyVersion'> = async (ctx, input) => {
  const policy = await requireCustomerPolicy(ctx, input.PolicyArn);
  const versionId = input.VersionId;
  if (!(await ctx.store.managedPolicies.getVersion(policy.arn, versionId))) {
    throw new NoSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
  }
  await ctx.store.managedPolicies.update(policy.arn, { defaultVersionId: versionId });
  return {};
};
