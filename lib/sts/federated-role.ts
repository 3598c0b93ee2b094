// Shared steps of AssumeRoleWithWebIdentity and AssumeRoleWithSAML: the role named by ARN, its trust policy
// judged for a federated principal (the identity provider's ARN), the duration rule and the role session.
import type { PolicyDescriptorType } from '../core/generated/sts-types';
import { issueSession, type SessionCredentials } from '../authn/issue-session';
import { addResourceTags } from '../authz';
import { assumedRoleArn, entityArn, parseArn, splitPathAndName } from '../iam/arn';
import type { OperationContext, Principal } from '../core/context';
import { authorize, compilePolicy, type RequestContext } from '../policy';
import { AccessDenied, ValidationError } from '../core/errors';
import type { RoleRecord } from '../store/roles';
import { packedPolicySize, sessionPolicyFields } from './session-policies';

/** The role named by the ARN in this account (with its path), or undefined. */
export async function roleByArn(ctx: OperationContext, roleArn: string): Promise<RoleRecord | undefined> {
  const arn = parseArn(roleArn);
  if (!arn || arn.service !== 'iam' || arn.account !== ctx.principal.accountId) return undefined;
  const parts = splitPathAndName(arn.resource, 'role');
  if (!parts || parts.name === '') return undefined;
  const role = await ctx.store.roles.getByName(parts.name);
  return role && role.path === parts.path ? role : undefined;
}

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/**
 * Session tags an identity provider asserts (SAML `PrincipalTag:*` attributes, the OIDC `https://aws.amazon.com/tags`
 * claim), checked as AWS checks AssumeRole's: at most 50, keys of 1..128 allowed characters unique ignoring case,
 * values up to 256 characters, transitive keys among the tags. `invalid` makes the provider-specific error.
 */
export function providerSessionTags(
  pairs: [string, string][],
  transitive: string[],
  invalid: (message: string) => Error,
): { tags?: Record<string, string>; transitiveTagKeys?: string[] } {
  if (pairs.length === 0 && transitive.length === 0) return {};
  if (pairs.length > 50) throw invalid('the identity provider asserted more than 50 session tags.');
  const tags: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [key, value] of pairs) {
    if (!TAG_KEY.test(key) || value.length > 256)
      throw invalid(`the session tag ${key} is not a valid tag (key 1-128 characters, value up to 256).`);
    if (seen.has(key.toLowerCase())) throw invalid(`the session tag key ${key} appears twice (tag keys are case insensitive).`);
    seen.add(key.toLowerCase());
    tags[key] = value;
  }
  for (const key of transitive) {
    if (!seen.has(key.toLowerCase())) throw invalid(`the transitive tag key ${key} is not a session tag of the assertion.`);
  }
  return { tags, transitiveTagKeys: transitive.length ? transitive : undefined };
}

/** What a federated AssumeRole* request asks for. */
export interface FederatedAssumeRequest {
  action: 'sts:AssumeRoleWithWebIdentity' | 'sts:AssumeRoleWithSAML';
  roleArn: string;
  providerArn: string;
  sessionName: string;
  durationSeconds?: number;
  policy?: string;
  policyArns?: PolicyDescriptorType[];
  /** The provider's claims as condition keys (e.g. `accounts.example.com:aud`). */
  context: RequestContext;
  /** A source identity asserted by the provider: the trust policy must also allow `sts:SetSourceIdentity`. */
  sourceIdentity?: string;
  /** Session tags asserted by the provider (and which of them pass on when chaining): needs `sts:TagSession`. */
  tags?: Record<string, string>;
  transitiveTagKeys?: string[];
}

/** Judges the trust policy for the provider and issues the role session, or throws AWS's errors. */
export async function assumeFederatedRole(
  ctx: OperationContext,
  request: FederatedAssumeRequest,
): Promise<{ credentials: SessionCredentials; principal: Principal; packed?: number }> {
  const denied = `Not authorized to perform ${request.action}`;
  const role = await roleByArn(ctx, request.roleArn);
  if (!role) throw new AccessDenied(denied);
  const duration = request.durationSeconds ?? 3600;
  if (duration > role.maxSessionDuration) {
    throw new ValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  const policies = sessionPolicyFields(request.policy, request.policyArns);
  const roleArn = entityArn(ctx.principal.accountId, 'role', role.path, role.roleName);
  let trust;
  try {
    trust = compilePolicy(role.assumeRolePolicy, { policyType: 'trust' });
  } catch {
    throw new AccessDenied(denied);
  }
  const context: RequestContext = {
    ...request.context,
    'aws:FederatedProvider': request.providerArn,
    'sts:RoleSessionName': request.sessionName,
    'aws:CurrentTime': ctx.now.toISOString(),
    'aws:EpochTime': String(Math.floor(ctx.now.getTime() / 1000)),
    'aws:SourceIp': ctx.sourceIp,
    'aws:SecureTransport': String(ctx.secureTransport),
    'aws:UserAgent': ctx.userAgent,
    ...(request.sourceIdentity !== undefined ? { 'sts:SourceIdentity': request.sourceIdentity } : {}),
  };
  // The role is the resource: its tags, as for AssumeRole (./assume-role.ts).
  await addResourceTags(context, ctx.store, { kind: 'role', id: role.roleId });
  const tagKeys = Object.keys(request.tags ?? {});
  if (tagKeys.length > 0) {
    for (const key of tagKeys) context[`aws:RequestTag/${key}`] = request.tags![key];
    context['aws:TagKeys'] = tagKeys;
    if (request.transitiveTagKeys?.length) context['sts:TransitiveTagKeys'] = request.transitiveTagKeys;
  }
  const trusts = (action: string) =>
    authorize(
      {
        action,
        resource: roleArn,
        principal: { arn: request.providerArn, accountId: ctx.principal.accountId, federated: request.providerArn },
        resourceAccount: ctx.principal.accountId,
        context,
      },
      { identity: [], resource: [trust] },
    ) === 'allowed';
  if (!trusts(request.action)) throw new AccessDenied(denied);
  if (request.sourceIdentity !== undefined && !trusts('sts:SetSourceIdentity'))
    throw new AccessDenied('Not authorized to perform sts:SetSourceIdentity');
  if (tagKeys.length > 0 && !trusts('sts:TagSession')) throw new AccessDenied('Not authorized to perform sts:TagSession');
  const packed = packedPolicySize(request.policy, request.policyArns, undefined);
  const principal: Principal = {
    type: 'AssumedRole',
    accountId: ctx.principal.accountId,
    arn: assumedRoleArn(ctx.principal.accountId, role.roleName, request.sessionName),
    principalId: `${role.roleId}:${request.sessionName}`,
    roleName: role.roleName,
    roleId: role.roleId,
    roleArn,
    sessionName: request.sessionName,
    mfaAuthenticated: false,
    ...(request.sourceIdentity !== undefined ? { sourceIdentity: request.sourceIdentity } : {}),
    ...(tagKeys.length > 0
      ? { sessionTags: request.tags, transitiveTagKeys: request.transitiveTagKeys?.length ? request.transitiveTagKeys : undefined }
      : {}),
    ...policies,
    roleChainDepth: 0,
  };
  const { credentials, principal: session } = await issueSession(ctx, principal, ctx.now, duration);
  await ctx.store.roles.recordUse(role.roleId, ctx.now.toISOString(), ctx.config.region);
  return { credentials, principal: session, packed };
}
