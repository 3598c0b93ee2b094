// CreatePolicyVersion: a new version of a customer managed policy (at most 5 kept), optionally made the default.
import { LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { QUOTAS } from '../validation';
import { checkManagedPolicyDocument } from './policy-document';
import { requireCustomerPolicy } from './managed-policy';

export const createPolicyVersion: IamOperation<'CreatePolicyVersion'> = async (ctx, input) => {
  const { store } = ctx;
  const policy = await requireCustomerPolicy(ctx, input.PolicyArn);
  const document = input.PolicyDocument;
  checkManagedPolicyDocument(document);
  if ((await store.managedPolicies.countVersions(policy.arn)) >= QUOTAS.versionsPerPolicy) {
    throw new LimitExceeded(
      `A managed policy can have up to ${QUOTAS.versionsPerPolicy} versions. Before you create a new version, you must delete an existing version.`,
    );
  }
  const now = ctx.now.toISOString();
  const versionId = `v${policy.nextVersion}`;
  await store.managedPolicies.insertVersion({ policyArn: policy.arn, versionId, document, createDate: now });
  const isDefault = input.SetAsDefault === true;
  await store.managedPolicies.update(policy.arn, {
    nextVersion: policy.nextVersion + 1,
    updateDate: now,
    ...(isDefault ? { defaultVersionId: versionId } : {}),
  });
  return { PolicyVersion: { VersionId: versionId, IsDefaultVersion: isDefault, CreateDate: now } };
};
