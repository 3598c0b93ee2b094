// CreatePolicy: a customer managed policy with its first version (v1, the default), description and tags.
import { EntityAlreadyExists, LimitExceeded } from '../../core/errors';
import { newUniqueId } from '../../crypto/ids';
import type { IamOperation } from '../../core/context';
import { entityArn } from '../arn';
import { QUOTAS, validateName, validatePath, validateTags } from '../validation';
import { checkManagedPolicyDocument } from './policy-document';
import { policyView } from './managed-policy';

export const createPolicy: IamOperation<'CreatePolicy'> = async (ctx, input) => {
  const { store } = ctx;
  const policyName = input.PolicyName;
  const path = input.Path ?? '/';
  validateName(policyName, 'policyName', 128);
  validatePath(path);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  const document = input.PolicyDocument;
  checkManagedPolicyDocument(document);
  if (await store.managedPolicies.getByName(policyName)) {
    throw new EntityAlreadyExists(`A policy called ${policyName} already exists. Duplicate names are not allowed.`);
  }
  if ((await store.managedPolicies.count()) >= QUOTAS.customerManagedPoliciesPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for PoliciesPerAccount: ${QUOTAS.customerManagedPoliciesPerAccount}`);
  }
  const now = ctx.now.toISOString();
  const arn = entityArn(ctx.principal.accountId, 'policy', path, policyName);
  const policy = {
    policyId: newUniqueId('ANPA'),
    arn,
    policyName,
    path,
    description: input.Description,
    defaultVersionId: 'v1',
    nextVersion: 2,
    createDate: now,
    updateDate: now,
  };
  await store.managedPolicies.insert(policy, { policyArn: arn, versionId: 'v1', document, createDate: now });
  if (tags.length > 0) await store.tags.put('policy', arn, tags);
  return {
    Policy: policyView({ ...policy, isAwsManaged: false }, { attachmentCount: 0, boundaryUsageCount: 0 }, { tags }),
  };
};
