// sts:AssumeRole judged as AWS judges it: the caller's identity policies and the target role's trust policy;
// a role session ARN stands for its role.
import type { AuthorizationRequest, Decision, Explanation, ExplainOptions, PolicySet } from '@/lib/policy';
import { explainRoleTrust, judgeRoleTrust, type RoleTrustInput } from '@/lib/policy/role-trust';

const SESSION_ARN = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const ROLE_ARN = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** The role ARN (without path) of a role session ARN; undefined for anything else. */
export function roleArnOfSession(arn: string): string | undefined {
  const m = SESSION_ARN.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

/** The role's account and name, for a role ARN or a role session ARN. */
export function roleOf(arn: string): { accountId: string; roleName: string } | undefined {
  const m = SESSION_ARN.exec(arn) ?? ROLE_ARN.exec(arn);
  return m ? { accountId: m[2], roleName: m[3] } : undefined;
}

/** Actions whose resource is a role and whose request the role's trust policy must allow. */
export function isAssumeRoleAction(action: string): boolean {
  const lower = action.toLowerCase();
  return (
    lower === 'sts:assumerole' ||
    lower === 'sts:assumerolewithsaml' ||
    lower === 'sts:assumerolewithwebidentity' ||
    lower === 'sts:tagsession' ||
    lower === 'sts:setsourceidentity'
  );
}

/** Key under which trust policies are looked up: `account/roleName` (a path in the ARN does not matter). */
export function trustPolicyKey(arn: string): string | undefined {
  const role = roleOf(arn);
  return role ? `${role.accountId}/${role.roleName}` : undefined;
}

/**
 * A simulator cell of sts:AssumeRole (TagSession, SetSourceIdentity) judged with the one role-trust rule of
 * lib/policy: `set.resource`'s last policy is the role's trust policy (see cellRequest), the rest are the caller's.
 */
function trustInput(request: AuthorizationRequest, set: PolicySet): RoleTrustInput {
  const resource = set.resource ?? [];
  const caller: PolicySet = { ...set, resource: resource.length > 1 ? resource.slice(0, -1) : undefined };
  return { request, trust: resource[resource.length - 1], caller };
}

/** The decision of a trust-judged cell. */
export function judgeAssumeRoleCell(request: AuthorizationRequest, set: PolicySet): Decision {
  return judgeRoleTrust(trustInput(request, set)).decision;
}

/** The explanation of a trust-judged cell (decision equal to judgeAssumeRoleCell's). */
export function explainAssumeRoleCell(request: AuthorizationRequest, set: PolicySet, options?: ExplainOptions): Explanation {
  return explainRoleTrust(trustInput(request, set), options);
}
