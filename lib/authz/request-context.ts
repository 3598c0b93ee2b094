// The condition keys of a request (aws:*, iam:*), built from the caller, the request's facts, its input and its target.
import type { OperationContext, Principal } from '../core/context';
import type { RequestContext } from '../policy';
import type { Store, TaggableKind } from '../store/types';
import type { PrincipalPolicies } from './principal-policies';
import type { TargetResource } from './resources';

/** `aws:PrincipalType` as AWS spells it. */
export function principalTypeKey(principal: Principal): string {
  switch (principal.type) {
    case 'IAMUser':
      return 'User';
    case 'AssumedRole':
      return 'AssumedRole';
    case 'FederatedUser':
      return 'FederatedUser';
    case 'WebIdentityUser':
    case 'SAMLUser':
      return 'Anonymous';
    default:
      return 'Account';
  }
}

/** The facts of a request the context is built from (an OperationContext has them all). */
export type RequestFacts = Pick<OperationContext, 'principal' | 'now' | 'sourceIp' | 'userAgent' | 'secureTransport'> & {
  region?: string;
};

function tagList(value: unknown): { Key: string; Value: string }[] {
  if (!Array.isArray(value)) return [];
  return value.filter((t): t is { Key: string; Value: string } => !!t && typeof (t as { Key?: unknown }).Key === 'string');
}

/** The caller's own keys: identity, tags, MFA and session facts (fixed for a principal and session). */
function principalKeys(principal: Principal, policies: Pick<PrincipalPolicies, 'principalTags' | 'roleArn'>): RequestContext {
  const context: RequestContext = {
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalArn': principal.type === 'AssumedRole' ? (policies.roleArn ?? principal.roleArn ?? principal.arn) : principal.arn,
    'aws:PrincipalType': principalTypeKey(principal),
    'aws:userid': principal.principalId,
    'aws:PrincipalIsAWSService': 'false',
    'aws:ViaAWSService': 'false',
  };
  if (principal.type === 'IAMUser' && principal.userName) context['aws:username'] = principal.userName;
  if (principal.temporary) {
    // AWS: MultiFactorAuthPresent is absent for long-term credentials, 'true'/'false' for temporary ones.
    context['aws:MultiFactorAuthPresent'] = principal.mfaAuthenticated ? 'true' : 'false';
    if (principal.tokenIssueTime) context['aws:TokenIssueTime'] = new Date(principal.tokenIssueTime).toISOString();
  }
  if (principal.sourceIdentity) context['aws:SourceIdentity'] = principal.sourceIdentity;
  for (const key in policies.principalTags) context[`aws:PrincipalTag/${key}`] = policies.principalTags[key];
  return context;
}

/** Keys that describe the caller and the request, whatever the operation. */
export function principalContext(
  facts: RequestFacts,
  policies: Pick<PrincipalPolicies, 'principalTags' | 'roleArn'> & { principalKeys?: RequestContext },
): RequestContext {
  const { principal, now } = facts;
  // The principal's part is the same for every request of the principal (and session): built once per policy set.
  const own = (policies.principalKeys ??= principalKeys(principal, policies));
  const context: RequestContext = Object.assign({}, own);
  context['aws:CurrentTime'] = now.toISOString();
  context['aws:EpochTime'] = String(Math.floor(now.getTime() / 1000));
  context['aws:SourceIp'] = facts.sourceIp;
  context['aws:UserAgent'] = facts.userAgent;
  context['aws:SecureTransport'] = facts.secureTransport ? 'true' : 'false';
  if (facts.region) context['aws:RequestedRegion'] = facts.region;
  if (principal.mfaAuthenticated && principal.mfaAuthTime) {
    context['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((now.getTime() - new Date(principal.mfaAuthTime).getTime()) / 1000)));
  }
  return context;
}

/**
 * The resource's tags as `aws:ResourceTag/*` and `iam:ResourceTag/*` (IAM resources answer to both), e.g. a role's
 * for sts:AssumeRole ("IAM: Assume roles that have a specific tag", IAM User Guide).
 */
export async function addResourceTags(
  context: RequestContext,
  store: Store,
  source: { kind: TaggableKind; id: string },
): Promise<RequestContext> {
  for (const tag of await store.tags.list(source.kind, source.id)) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
    context[`iam:ResourceTag/${tag.Key}`] = tag.Value;
  }
  return context;
}

/** Keys that come from the operation's input and target: request tags, resource tags, boundary, policy ARN. */
export async function addInputContext(
  context: RequestContext,
  store: Store,
  input: Record<string, unknown>,
  target: TargetResource,
  readsResourceTags: boolean,
): Promise<RequestContext> {
  const tags = tagList(input.Tags);
  if (tags.length > 0) {
    for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
    context['aws:TagKeys'] = tags.map((t) => t.Key);
  } else if (Array.isArray(input.TagKeys) && input.TagKeys.length > 0) {
    context['aws:TagKeys'] = input.TagKeys.filter((k): k is string => typeof k === 'string');
  }
  if (readsResourceTags && target.tagSource) await addResourceTags(context, store, target.tagSource);
  const boundary = typeof input.PermissionsBoundary === 'string' ? input.PermissionsBoundary : target.boundaryArn;
  if (boundary) context['iam:PermissionsBoundary'] = boundary;
  if (typeof input.PolicyArn === 'string') context['iam:PolicyARN'] = input.PolicyArn;
  if (typeof input.AWSServiceName === 'string') context['iam:AWSServiceName'] = input.AWSServiceName;
  return context;
}
