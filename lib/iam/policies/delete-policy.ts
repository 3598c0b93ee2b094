// DeletePolicy: removes a customer managed policy that is attached to nothing and has only its default version.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireCustomerPolicy } from './managed-policy';

export const deletePolicy: IamOperation<'DeletePolicy'> = async (ctx, input) => {
  const { store } = ctx;
  const policy = await requireCustomerPolicy(ctx, input.PolicyArn);
  // A policy still used as a permissions boundary counts as attached: deleting it would leave dangling boundaries.
  if ((await store.attachments.countForPolicy(policy.arn)) > 0 || (await store.attachments.countBoundaryUsage(policy.arn)) > 0) {
    throw new DeleteConflict('Cannot delete a policy attached to entities.');
  }
  if ((await store.managedPolicies.listVersions(policy.arn)).length > 1) {
    throw new DeleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's non-default versions.",
    );
  }
  await store.managedPolicies.delete(policy.arn);
  await store.tags.removeAll('policy', policy.arn);
  return {};
};
