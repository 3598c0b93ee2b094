// Shared lookups and views of managed policies, AWS managed and customer managed alike.
import { AccessDenied, InvalidInput, NoSuchEntity, ValidationError } from '../../core/errors';
import type { Store } from '../../store/types';
import type { ManagedPolicyRecord } from '../../store/policies';
import type { Tag } from '../../store/tags';
import type { OperationContext } from '../../core/context';
import { isAwsManagedPolicyArn, managedPolicyCatalogue } from '../../core/managed-policy-catalogue';
import { isParsableArn } from '../arn';

/** What every managed policy has, wherever it comes from. */
export interface ManagedPolicyInfo {
  arn: string;
  policyId: string;
  policyName: string;
  path: string;
  defaultVersionId: string;
  description?: string;
  createDate: string;
  updateDate: string;
  isAwsManaged: boolean;
}

function fromRecord(policy: ManagedPolicyRecord): ManagedPolicyInfo {
  return {
    arn: policy.arn,
    policyId: policy.policyId,
    policyName: policy.policyName,
    path: policy.path,
    defaultVersionId: policy.defaultVersionId,
    description: policy.description,
    createDate: policy.createDate,
    updateDate: policy.updateDate,
    isAwsManaged: false,
  };
}

/** The managed policy with this ARN, or undefined. */
export async function findManagedPolicy(store: Store, arn: string): Promise<ManagedPolicyInfo | undefined> {
  if (isAwsManagedPolicyArn(arn)) {
    const policy = managedPolicyCatalogue().get(arn);
    return policy && { ...policy, isAwsManaged: true };
  }
  const record = await store.managedPolicies.getByArn(arn);
  return record && fromRecord(record);
}

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/(.*\/)?[\w+=,.@-]+$/;

/** Rejects a string that is not a managed policy ARN, as AWS does before looking anything up. */
export function checkPolicyArn(arn: string): void {
  if (!POLICY_ARN.test(arn)) throw new InvalidInput(`ARN ${arn} is not valid.`);
}

/** The managed policy with this ARN, or NoSuchEntity as GetPolicy answers. */
export async function requireManagedPolicy(store: Store, arn: string): Promise<ManagedPolicyInfo> {
  checkPolicyArn(arn);
  const policy = await findManagedPolicy(store, arn);
  if (!policy) throw new NoSuchEntity(`Policy ${arn} was not found.`);
  return policy;
}

/** The managed policy to attach, or NoSuchEntity as Attach*Policy answers; text that is no ARN at all is a ValidationError. */
export async function requireAttachablePolicy(store: Store, arn: string): Promise<ManagedPolicyInfo> {
  // Two spaces, as AWS words it.
  if (!isParsableArn(arn)) throw new ValidationError('Invalid ARN:  Could not be parsed!');
  checkPolicyArn(arn);
  const policy = await findManagedPolicy(store, arn);
  if (!policy) throw new NoSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

/** The managed policy to use as a permissions boundary (CreateUser, CreateRole, Put*PermissionsBoundary). */
export async function requireBoundaryPolicy(store: Store, arn: string): Promise<ManagedPolicyInfo> {
  checkPolicyArn(arn);
  const policy = await findManagedPolicy(store, arn);
  if (!policy) throw new NoSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`);
  return policy;
}

/**
 * A customer managed policy of this account to change. AWS managed policies belong to AWS's account, so
 * changing one is refused as AWS refuses it: the caller is not authorized on that resource.
 */
export async function requireCustomerPolicy(ctx: OperationContext, arn: string): Promise<ManagedPolicyRecord> {
  checkPolicyArn(arn);
  if (isAwsManagedPolicyArn(arn)) {
    if (managedPolicyCatalogue().get(arn)) {
      throw new AccessDenied(`User: ${ctx.principal.arn} is not authorized to perform: iam:${ctx.action} on resource: policy ${arn}`);
    }
    throw new NoSuchEntity(`Policy ${arn} was not found.`);
  }
  const policy = await ctx.store.managedPolicies.getByArn(arn);
  if (!policy) throw new NoSuchEntity(`Policy ${arn} was not found.`);
  return policy;
}

/**
 * AWS's `Policy` shape. `Tags` only where AWS returns them (CreatePolicy, GetPolicy: an empty list there when
 * there are none, `emptyTags`); `Description` only from GetPolicy.
 */
export function policyView(
  policy: ManagedPolicyInfo,
  counts: { attachmentCount: number; boundaryUsageCount: number },
  extra: { tags?: Tag[]; emptyTags?: boolean; withDescription?: boolean } = {},
) {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: counts.attachmentCount,
    PermissionsBoundaryUsageCount: counts.boundaryUsageCount,
    IsAttachable: true,
    Description: extra.withDescription ? policy.description : undefined,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    Tags: extra.tags && (extra.tags.length > 0 || extra.emptyTags) ? extra.tags : undefined,
  };
}

/** Attachment and boundary counts of one policy. */
export async function policyCounts(store: Store, arn: string) {
  return {
    attachmentCount: await store.attachments.countForPolicy(arn),
    boundaryUsageCount: await store.attachments.countBoundaryUsage(arn),
  };
}
