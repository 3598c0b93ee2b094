// Judges sts:AssumeRole (and sts:TagSession, sts:SetSourceIdentity) against a role's trust policy, as AWS does
// within one account: the trust policy must allow the caller; when it names the caller itself (its ARN, or its
// role for a role session) that suffices, when it names only the account, the caller's own policies must allow too.
import { LRUCache } from 'lru-cache';
import { isAllowedByIdentityPolicies, evaluateIdentityPolicies } from '../authz';
import type { OperationContext } from '../iam/context';
import { authorize, compilePolicy, type AuthorizationRequest, type CompiledPolicy, type RequestContext } from '../policy';

const compiled = new LRUCache<string, CompiledPolicy>({ max: 1000 });
const ALLOW_ALL = compilePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
/** An account id other than `accountId`: makes the engine combine the cross-account way. */
const otherAccount = (accountId: string) => (accountId === '000000000000' ? '000000000001' : '000000000000');

/** The compiled trust policy, or undefined when the stored text does not compile (then nobody may assume the role). */
function compiledTrust(text: string): CompiledPolicy | undefined {
  let policy = compiled.get(text);
  if (policy === undefined) {
    try {
      policy = compilePolicy(text, { policyType: 'trust' });
    } catch {
      console.error('[gatehouse] a stored trust policy does not compile; the role cannot be assumed until it is replaced');
      return undefined;
    }
    compiled.set(text, policy);
  }
  return policy;
}

/** True when the trust policy lets the caller perform `action` (e.g. 'sts:AssumeRole') on the role. */
export function trustAllows(ctx: OperationContext, trustPolicy: string, roleArn: string, action: string, context: RequestContext): boolean {
  const trust = compiledTrust(trustPolicy);
  if (trust === undefined) return false;
  const request: AuthorizationRequest = {
    action,
    resource: roleArn,
    principal: { arn: ctx.principal.arn, accountId: ctx.principal.accountId },
    resourceAccount: ctx.principal.accountId,
    context,
  };
  // An explicit deny in the caller's own policies wins over any trust.
  if (evaluateIdentityPolicies(ctx, action, roleArn, context) === 'explicitDeny') return false;
  const direct = authorize(request, { identity: [], resource: [trust] });
  if (direct === 'allowed') return true;
  if (direct === 'explicitDeny') return false;
  // The trust names only the account (or the root ARN): the caller's identity policies must allow as well.
  if (!isAllowedByIdentityPolicies(ctx, action, roleArn, context)) return false;
  // Judged the cross-account way (identity allow AND resource allow), where a trust statement that names only
  // the account counts as an allow; the identity side was just checked, so it is stood in for by ALLOW_ALL.
  return authorize({ ...request, resourceAccount: otherAccount(request.principal!.accountId) }, { identity: [ALLOW_ALL], resource: [trust] }) === 'allowed';
}
