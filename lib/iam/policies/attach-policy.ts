// Attaching, detaching and listing managed policies of users, groups and roles: one implementation per verb,
// shared by the three principal kinds (the per-operation files bind the kind).
import { LimitExceeded, NoSuchEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { PrincipalKind } from '../../store/policies';
import type { Operation } from '../../core/context';
// The three kinds' responses have the same members; the user one stands for all.
import type {
  AttachGroupPolicyRequest,
  AttachRolePolicyRequest,
  AttachUserPolicyRequest,
  DetachGroupPolicyRequest,
  DetachRolePolicyRequest,
  DetachUserPolicyRequest,
  ListAttachedUserPoliciesResponse,
} from '../../core/generated/iam-types';
import { paginateArray } from '../pagination';
import { QUOTAS } from '../validation';
import { checkPolicyArn, findManagedPolicy, requireAttachablePolicy } from './managed-policy';
import { kindName, requireModifiablePolicyHolder, requirePolicyHolder } from './principals';

interface PrincipalPolicyInput {
  UserName?: string;
  GroupName?: string;
  RoleName?: string;
  PolicyArn?: string;
}

interface ListAttachedInput extends PrincipalPolicyInput {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

function principalName(kind: PrincipalKind, input: PrincipalPolicyInput): string {
  return (kind === 'user' ? input.UserName : kind === 'group' ? input.GroupName : input.RoleName)!;
}

/** Attach{User,Group,Role}Policy: idempotent; at most 10 managed policies per principal. */
export function attachPolicyOperation(
  kind: PrincipalKind,
): Operation<AttachUserPolicyRequest | AttachGroupPolicyRequest | AttachRolePolicyRequest, unknown> {
  return async (ctx, input) => {
    const { store } = ctx;
    const holder = await requireModifiablePolicyHolder(store, kind, principalName(kind, input));
    const policy = await requireAttachablePolicy(store, input.PolicyArn);
    const attached = await store.attachments.listForPrincipal(kind, holder.id);
    if (attached.some((a) => a.policyArn === policy.arn)) return {};
    if (attached.length >= QUOTAS.managedPoliciesPerPrincipal) {
      throw new LimitExceeded(`Cannot exceed quota for PoliciesPer${kindName(kind)}: ${QUOTAS.managedPoliciesPerPrincipal}`);
    }
    await store.attachments.attach({
      principalKind: kind,
      principalId: holder.id,
      policyArn: policy.arn,
      attachDate: ctx.now.toISOString(),
    });
    return {};
  };
}

/** Detach{User,Group,Role}Policy: NoSuchEntity when the policy is not attached to that principal. */
export function detachPolicyOperation(
  kind: PrincipalKind,
): Operation<DetachUserPolicyRequest | DetachGroupPolicyRequest | DetachRolePolicyRequest, unknown> {
  return async (ctx, input) => {
    const { store } = ctx;
    const holder = await requireModifiablePolicyHolder(store, kind, principalName(kind, input));
    const arn = input.PolicyArn;
    checkPolicyArn(arn);
    if (!(await store.attachments.listForPrincipal(kind, holder.id)).some((a) => a.policyArn === arn)) {
      throw new NoSuchEntity(`Policy ${arn} was not found.`);
    }
    await store.attachments.detach(kind, holder.id, arn);
    return {};
  };
}

/** The managed policies attached to one principal, with names and paths, in attachment order. */
export async function attachedPolicies(store: Store, kind: PrincipalKind, principalId: string) {
  const result: { policyArn: string; policyName: string; path: string }[] = [];
  for (const attachment of await store.attachments.listForPrincipal(kind, principalId)) {
    const policy = await findManagedPolicy(store, attachment.policyArn);
    if (policy) result.push({ policyArn: policy.arn, policyName: policy.policyName, path: policy.path });
  }
  return result;
}

/** ListAttached{User,Group,Role}Policies: by policy name, filtered by the policies' path prefix, paginated. */
export function listAttachedPoliciesOperation(kind: PrincipalKind): Operation<ListAttachedInput, ListAttachedUserPoliciesResponse> {
  return async (ctx, input) => {
    const holder = await requirePolicyHolder(ctx.store, kind, principalName(kind, input));
    const prefix = input.PathPrefix;
    const policies = (await attachedPolicies(ctx.store, kind, holder.id)).filter((p) => !prefix || p.path.startsWith(prefix));
    const page = paginateArray(policies, (p) => `${p.policyName.toLowerCase()}\u0000${p.policyArn}`, input.Marker, input.MaxItems);
    return {
      AttachedPolicies: page.items.map((p) => ({ PolicyName: p.policyName, PolicyArn: p.policyArn })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  };
}
