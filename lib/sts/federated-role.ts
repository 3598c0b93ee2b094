// Shared steps of AssumeRoleWithWebIdentity and AssumeRoleWithSAML: the role named by ARN, its trust policy
// judged for a federated principal (the identity provider's ARN), the duration rule and the role session.
import type { PolicyDescriptorType } from '@aws-sdk/client-sts';
import { issueSession, type SessionCredentials } from '../authn/issue-session';
import { assumedRoleArn, entityArn, parseArn, splitPathAndName } from '../iam/arn';
import type { OperationContext, Principal } from '../iam/context';
import { authorize, compilePolicy, type RequestContext } from '../policy';
import { AccessDenied, ValidationError } from '../protocol/errors';
import type { RoleRecord } from '../store/roles';
import { packedPolicySize, sessionPolicyFields } from './session-policies';

/** The role named by the ARN in this account (with its path), or undefined. */
export function roleByArn(ctx: OperationContext, roleArn: string): RoleRecord | undefined {
  const arn = parseArn(roleArn);
  if (!arn || arn.service !== 'iam' || arn.account !== ctx.principal.accountId) return undefined;
  const parts = splitPathAndName(arn.resource, 'role');
  if (!parts || parts.name === '') return undefined;
  const role = ctx.store.roles.getByName(parts.name);
  return role && role.path === parts.path ? role : undefined;
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
}

/** Judges the trust policy for the provider and issues the role session, or throws AWS's errors. */
export function assumeFederatedRole(
  ctx: OperationContext,
  request: FederatedAssumeRequest,
): { credentials: SessionCredentials; principal: Principal; packed?: number } {
  const denied = `Not authorized to perform ${request.action}`;
  const role = roleByArn(ctx, request.roleArn);
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
  if (request.sourceIdentity !== undefined && !trusts('sts:SetSourceIdentity')) throw new AccessDenied('Not authorized to perform sts:SetSourceIdentity');
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
    ...policies,
    roleChainDepth: 0,
  };
  const { credentials, principal: session } = issueSession(ctx, principal, ctx.now, duration);
  ctx.store.roles.recordUse(role.roleId, ctx.now.toISOString(), ctx.config.region);
  return { credentials, principal: session, packed };
}
