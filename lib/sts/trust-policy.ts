// Judges sts:AssumeRole (and sts:TagSession, sts:SetSourceIdentity) against a role's trust policy with the one
// role-trust rule of lib/policy (judgeRoleTrust), the caller's own policies taken from the authorizer.
import { BoundedCache } from '../core/bounded-cache';
import { isUnrestricted, principalPolicies } from '../authz';
import type { OperationContext } from '../core/context';
import { compilePolicy, type AuthorizationRequest, type CompiledPolicy, type PolicySet, type RequestContext } from '../policy';
import { judgeRoleTrust, type RoleTrustResult } from '../policy/role-trust';

/** Compiled trust policies by text; `false` for a stored text that does not compile. */
const compiled = new BoundedCache<string, CompiledPolicy | false>(1000);
const ALLOW_ALL = compilePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');

/** The compiled trust policy; undefined when the stored text no longer compiles (then nobody may assume: fail closed). */
function compiledTrust(text: string): CompiledPolicy | undefined {
  let policy = compiled.get(text);
  if (policy === undefined) {
    try {
      policy = compilePolicy(text, { policyId: 'TrustPolicy', policyType: 'trust' });
    } catch {
      console.error('[gatehouse] a stored trust policy does not compile; the role cannot be assumed until it is replaced');
      policy = false;
    }
    compiled.set(text, policy);
  }
  return policy === false ? undefined : policy;
}

/** The decision of the role-trust rule for the caller performing `action` (e.g. 'sts:AssumeRole') on the role. */
export async function judgeTrust(
  ctx: OperationContext,
  trustPolicy: string,
  roleArn: string,
  action: string,
  context: RequestContext,
): Promise<RoleTrustResult> {
  const caller: PolicySet = isUnrestricted(ctx.principal)
    ? { identity: [ALLOW_ALL] }
    : (await principalPolicies(ctx.store, ctx.principal)).policySet;
  const request: AuthorizationRequest = {
    action,
    resource: roleArn,
    principal: { arn: ctx.principal.arn, accountId: ctx.principal.accountId },
    resourceAccount: ctx.principal.accountId,
    context,
  };
  return judgeRoleTrust({ request, trust: compiledTrust(trustPolicy), caller });
}

/** True when the trust policy and the caller's own policies together let the caller perform `action` on the role. */
export async function trustAllows(
  ctx: OperationContext,
  trustPolicy: string,
  roleArn: string,
  action: string,
  context: RequestContext,
): Promise<boolean> {
  return (await judgeTrust(ctx, trustPolicy, roleArn, action, context)).decision === 'allowed';
}
