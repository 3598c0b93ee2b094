// GetFederationToken: temporary credentials of a federated user (`federated-user/Name`) for an IAM user (or
// root); the session may do only what both the caller's policies and the session policies passed here allow.
import { issueSession } from '../authn/issue-session';
import type { Principal, StsOperation } from '../core/context';
import { AccessDenied, InvalidParameterValue } from '../core/errors';
import { packedPolicySize, sessionPolicyFields } from './session-policies';

const DEFAULT_SECONDS = 43200;
/** AWS: federation sessions of the root user last at most one hour. */
const ROOT_MAX_SECONDS = 3600;
/**
 * Without `Policy` or `PolicyArns` AWS's federated session has no permissions: a session policy that allows
 * nothing makes every authorized action fail closed ("no session policy allows").
 */
export const NO_PERMISSIONS_SESSION_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"*","Resource":"*"}]}';

export const getFederationToken: StsOperation<'GetFederationToken'> = async (ctx, input) => {
  const caller = ctx.principal;
  if (caller.temporary || (caller.type !== 'IAMUser' && caller.type !== 'Root')) {
    throw new AccessDenied('Cannot call GetFederationToken with session credentials');
  }
  const name = input.Name;
  let duration = input.DurationSeconds ?? DEFAULT_SECONDS;
  if (caller.type === 'Root') duration = Math.min(duration, ROOT_MAX_SECONDS);
  const policies = sessionPolicyFields(input.Policy, input.PolicyArns);
  const tags: Record<string, string> = {};
  const seen = new Set<string>();
  for (const tag of input.Tags ?? []) {
    if (seen.has(tag.Key.toLowerCase()))
      throw new InvalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(tag.Key.toLowerCase());
    tags[tag.Key] = tag.Value;
  }
  const packed = packedPolicySize(input.Policy, input.PolicyArns, input.Tags);
  const granted = policies.sessionPolicies !== undefined || policies.sessionPolicyArns !== undefined;
  const principal: Principal = {
    type: 'FederatedUser',
    accountId: caller.accountId,
    arn: `arn:aws:sts::${caller.accountId}:federated-user/${name}`,
    principalId: `${caller.accountId}:${name}`,
    userId: caller.type === 'IAMUser' ? caller.userId : undefined,
    sessionName: name,
    issuedBy: 'GetFederationToken',
    sessionPolicies: granted ? policies.sessionPolicies : [NO_PERMISSIONS_SESSION_POLICY],
    sessionPolicyArns: policies.sessionPolicyArns,
    sessionTags: seen.size > 0 ? tags : undefined,
  };
  const { credentials } = await issueSession(ctx, principal, ctx.now, duration);
  return {
    Credentials: credentials,
    FederatedUser: { FederatedUserId: principal.principalId, Arn: principal.arn },
    // AWS answers 0, not nothing, when no session policy or tag was passed.
    PackedPolicySize: packed ?? 0,
  };
};
