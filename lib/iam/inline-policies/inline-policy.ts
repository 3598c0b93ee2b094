// Inline policies of users, groups and roles: one implementation per verb, shared by the three principal kinds
// (the per-operation files bind the kind). All of one identity's inline documents together have a size quota.
import { LimitExceeded, NoSuchEntity } from '../../core/errors';
import type { PrincipalKind } from '../../store/policies';
import type { Operation } from '../../core/context';
// The three kinds' list responses have the same members; the user one stands for all.
import type {
  DeleteGroupPolicyRequest,
  DeleteRolePolicyRequest,
  DeleteUserPolicyRequest,
  GetGroupPolicyRequest,
  GetRolePolicyRequest,
  GetUserPolicyRequest,
  ListUserPoliciesResponse,
  PutGroupPolicyRequest,
  PutRolePolicyRequest,
  PutUserPolicyRequest,
} from '../../core/generated/iam-types';
import { paginateArray } from '../pagination';
import { policySize, QUOTAS, validateName } from '../validation';
import { rejectMalformedPolicy } from '../policies/policy-document';
import { kindName, requireModifiablePolicyHolder, requirePolicyHolder } from '../policies/principals';

interface InlinePolicyInput {
  UserName?: string;
  GroupName?: string;
  RoleName?: string;
  PolicyName?: string;
  PolicyDocument?: string;
  Marker?: string;
  MaxItems?: number;
}

function principalName(kind: PrincipalKind, input: InlinePolicyInput): string {
  return (kind === 'user' ? input.UserName : kind === 'group' ? input.GroupName : input.RoleName)!;
}

function noSuchPolicy(kind: PrincipalKind, policyName: string): NoSuchEntity {
  return new NoSuchEntity(`The ${kind} policy with name ${policyName} cannot be found.`);
}

/**
 * Checks that replacing (or adding) `policyName` with `document` keeps the identity's inline policies within
 * its aggregate quota: user 2,048, group 5,120, role 10,240 non-whitespace characters.
 */
export function checkInlineAggregateSize(
  kind: PrincipalKind,
  holderName: string,
  others: { policyName: string; document: string }[],
  policyName: string,
  document: string,
): void {
  const limit = QUOTAS.inlinePolicyBytes[kind];
  let total = policySize(document);
  for (const other of others) {
    if (other.policyName.toLowerCase() !== policyName.toLowerCase()) total += policySize(other.document);
  }
  if (total > limit) throw new LimitExceeded(`Maximum policy size of ${limit} bytes exceeded for ${kind} ${holderName}`);
}

/** Put{User,Group,Role}Policy: creates or replaces an inline policy. */
export function putInlinePolicyOperation(
  kind: PrincipalKind,
): Operation<PutUserPolicyRequest | PutGroupPolicyRequest | PutRolePolicyRequest, unknown> {
  return async (ctx, input) => {
    const { store } = ctx;
    const holder = await requireModifiablePolicyHolder(store, kind, principalName(kind, input));
    const policyName = input.PolicyName;
    validateName(policyName, 'policyName', 128);
    const document = input.PolicyDocument;
    rejectMalformedPolicy(document, 'identity');
    checkInlineAggregateSize(kind, holder.name, await store.inlinePolicies.list(kind, holder.id), policyName, document);
    await store.inlinePolicies.put({ principalKind: kind, principalId: holder.id, policyName, document });
    return {};
  };
}

/** Get{User,Group,Role}Policy: one inline policy's document (URL-encoded on the wire by the encoder). */
export function getInlinePolicyOperation(
  kind: PrincipalKind,
): Operation<GetUserPolicyRequest | GetGroupPolicyRequest | GetRolePolicyRequest, unknown> {
  return async (ctx, input) => {
    const holder = await requirePolicyHolder(ctx.store, kind, principalName(kind, input));
    const policy = await ctx.store.inlinePolicies.get(kind, holder.id, input.PolicyName);
    if (!policy) throw noSuchPolicy(kind, input.PolicyName);
    return { [`${kindName(kind)}Name`]: holder.name, PolicyName: policy.policyName, PolicyDocument: policy.document };
  };
}

/** Delete{User,Group,Role}Policy. */
export function deleteInlinePolicyOperation(
  kind: PrincipalKind,
): Operation<DeleteUserPolicyRequest | DeleteGroupPolicyRequest | DeleteRolePolicyRequest, unknown> {
  return async (ctx, input) => {
    const holder = await requireModifiablePolicyHolder(ctx.store, kind, principalName(kind, input));
    if (!(await ctx.store.inlinePolicies.get(kind, holder.id, input.PolicyName))) throw noSuchPolicy(kind, input.PolicyName);
    await ctx.store.inlinePolicies.delete(kind, holder.id, input.PolicyName);
    return {};
  };
}

/** List{User,Group,Role}Policies: inline policy names, ignoring case in order, paginated. */
export function listInlinePoliciesOperation(kind: PrincipalKind): Operation<InlinePolicyInput, ListUserPoliciesResponse> {
  return async (ctx, input) => {
    const holder = await requirePolicyHolder(ctx.store, kind, principalName(kind, input));
    const names = (await ctx.store.inlinePolicies.list(kind, holder.id)).map((p) => p.policyName);
    const page = paginateArray(names, (name) => name.toLowerCase(), input.Marker, input.MaxItems);
    return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  };
}
