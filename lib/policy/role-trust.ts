// The one rule for assuming a role (sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity): a role's trust policy
// and the caller's own policies together, as AWS decides it — for the service, the simulator and the explorer.
import { compilePolicy } from './compile';
import {
  authorize,
  explain,
  type AuthorizationRequest,
  type Decision,
  type Explanation,
  type ExplainOptions,
  type PolicySet,
  type StatementOutcome,
} from './evaluate';
import type { CompiledPolicy } from './types';

/**
 * How the trust policy's Allow statements name the caller: `principal` (its own ARN, its role for a role
 * session, `*`, or a NotPrincipal that leaves it out), `account` (only its account: the account id or the root
 * ARN, which delegates to the caller's identity policies), or `none`.
 */
export type TrustMatch = 'principal' | 'account' | 'none';

/** Why the rule decided as it did, for people and for AccessDenied messages. */
export type RoleTrustReason =
  | 'allowedByTrust'
  | 'allowedByTrustAndIdentity'
  | 'trustDeny'
  | 'callerDeny'
  | 'trustDoesNotAllow'
  | 'identityDoesNotAllow'
  | 'boundaryDoesNotAllow'
  | 'sessionDoesNotAllow'
  | 'scpDoesNotAllow'
  | 'trustUnreadable';

/** The decision on assuming one role. */
export interface RoleTrustResult {
  decision: Decision;
  trustMatch: TrustMatch;
  reason: RoleTrustReason;
}

/** One request to assume a role. */
export interface RoleTrustInput {
  /** `action` (sts:AssumeRole…), `resource` (the role's ARN), `principal` (the caller) and the request's context. */
  request: AuthorizationRequest;
  /** The role's compiled trust policy; undefined when it cannot be read (nobody may assume the role: fail closed). */
  trust: CompiledPolicy | undefined;
  /** The caller's own policies: identity, permissions boundary, session policies, SCPs (`resource` is ignored). */
  caller: PolicySet;
}

const ALLOW_ALL = compilePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', {
  policyId: 'role-trust:allow-all',
  policyType: 'identity',
});
const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}):role\//;

/** The account of a role ARN (undefined for anything else). */
function roleAccount(roleArn: string): string | undefined {
  return ROLE_ARN.exec(roleArn)?.[1];
}

/** An account id other than `accountId`: makes the engine combine identity and resource the cross-account way. */
const otherAccount = (accountId: string) => (accountId === '000000000000' ? '000000000001' : '000000000000');

function ownPolicies(caller: PolicySet): PolicySet {
  return { identity: caller.identity, boundary: caller.boundary, session: caller.session, scp: caller.scp };
}

/** The trust policy on its own: explicit deny, or how its Allow statements name the caller. */
function trustVerdict(request: AuthorizationRequest, trust: CompiledPolicy): 'deny' | TrustMatch {
  const sameAccount: AuthorizationRequest = { ...request, resourceAccount: request.principal?.accountId };
  const direct = authorize(sameAccount, { identity: [], resource: [trust] });
  if (direct === 'explicitDeny') return 'deny';
  if (direct === 'allowed') return 'principal';
  // Judged cross-account with an identity allow standing in, a statement naming only the account counts too.
  const accountId = request.principal?.accountId ?? '';
  const delegated = authorize({ ...request, resourceAccount: otherAccount(accountId) }, { identity: [ALLOW_ALL], resource: [trust] });
  return delegated === 'allowed' ? 'account' : 'none';
}

/** True for a caller that is an IAM user (not a role, role session or federated session). */
function isUserArn(arn: string | undefined): boolean {
  return arn !== undefined && /^arn:[^:]+:iam::\d{12}:user\//.test(arn);
}

/**
 * Judges a request to assume a role, as AWS does:
 * - an explicit Deny in the trust policy or in the caller's own policies (identity, boundary, session, SCP) wins;
 * - the trust policy must have an Allow that applies to the caller — an identity-policy Allow alone never suffices;
 * - same account, a trust policy naming the caller itself (its user ARN, its role, `*`) suffices: an IAM user is
 *   not limited by an implicit deny in its identity policies or boundary; a role session is still limited by its
 *   boundary and session policies (IAM User Guide, permissions boundaries: resource-based policies naming a role);
 * - same account, a trust policy naming only the account delegates: the caller's own policies must allow too;
 * - across accounts, both the trust policy and the caller's own policies must allow.
 * SCPs, when given, must allow in every case.
 */
export function judgeRoleTrust(input: RoleTrustInput): RoleTrustResult {
  const { request, trust, caller } = input;
  if (trust === undefined) return { decision: 'implicitDeny', trustMatch: 'none', reason: 'trustUnreadable' };
  const own = authorize(request, ownPolicies(caller));
  const match = trustVerdict(request, trust);
  if (match === 'deny') return { decision: 'explicitDeny', trustMatch: 'none', reason: 'trustDeny' };
  if (own === 'explicitDeny') return { decision: 'explicitDeny', trustMatch: match, reason: 'callerDeny' };
  if (match === 'none') return { decision: 'implicitDeny', trustMatch: match, reason: 'trustDoesNotAllow' };
  const callerAccount = request.principal?.accountId;
  const targetAccount = request.resourceAccount ?? roleAccount(request.resource) ?? callerAccount;
  const crossAccount = callerAccount !== undefined && targetAccount !== undefined && callerAccount !== targetAccount;
  if (match === 'principal' && !crossAccount) {
    // Named directly: the caller's identity policies need not allow; what still limits it must allow.
    const limits: PolicySet = isUserArn(request.principal?.arn)
      ? { identity: [ALLOW_ALL], scp: caller.scp }
      : { identity: [ALLOW_ALL], boundary: caller.boundary, session: caller.session, scp: caller.scp };
    if (authorize(request, limits) === 'allowed') return { decision: 'allowed', trustMatch: match, reason: 'allowedByTrust' };
    return { decision: 'implicitDeny', trustMatch: match, reason: failedLimit(request, limits) };
  }
  if (own === 'allowed') return { decision: 'allowed', trustMatch: match, reason: 'allowedByTrustAndIdentity' };
  return { decision: 'implicitDeny', trustMatch: match, reason: failedLimit(request, ownPolicies(caller)) };
}

/** Which of the caller's parts allowed nothing (identity first, as AWS reports it). */
function failedLimit(request: AuthorizationRequest, set: PolicySet): RoleTrustReason {
  const e = explain(request, set);
  if (e.identityDecision !== 'allowed') return 'identityDoesNotAllow';
  if (e.scpDecision !== undefined && e.scpDecision !== 'allowed') return 'scpDoesNotAllow';
  if (e.boundaryDecision !== undefined && e.boundaryDecision !== 'allowed') return 'boundaryDoesNotAllow';
  if (e.sessionDecision !== undefined && e.sessionDecision !== 'allowed') return 'sessionDoesNotAllow';
  return 'identityDoesNotAllow';
}

/** A person's sentence for a reason. */
export function roleTrustReasonText(reason: RoleTrustReason, action = 'sts:AssumeRole'): string {
  switch (reason) {
    case 'allowedByTrust':
      return 'The trust policy names the caller itself, which suffices.';
    case 'allowedByTrustAndIdentity':
      return `The trust policy trusts the account and the caller's own policies allow ${action}.`;
    case 'trustDeny':
      return 'An explicit Deny in the trust policy.';
    case 'callerDeny':
      return "An explicit Deny in the caller's own policies.";
    case 'trustDoesNotAllow':
      return 'The trust policy does not allow this caller.';
    case 'identityDoesNotAllow':
      return `The trust policy trusts only the account, and no identity policy of the caller allows ${action}.`;
    case 'boundaryDoesNotAllow':
      return `The caller's permissions boundary does not allow ${action}.`;
    case 'sessionDoesNotAllow':
      return `The caller's session policies do not allow ${action}.`;
    case 'scpDoesNotAllow':
      return `No service control policy allows ${action}.`;
    case 'trustUnreadable':
      return 'The trust policy could not be read, so nobody may assume the role.';
  }
}

/**
 * The explanation of one request to assume a role, its decision equal to `judgeRoleTrust`'s: every statement of
 * the caller's policies and of the trust policy, the deciding statements (the Deny statements; or the trust
 * statements that allowed, with the caller's own allows when the trust delegated to them), and for an implicit
 * deny the closest Allow statements of the part that failed.
 */
export function explainRoleTrust(input: RoleTrustInput, options?: ExplainOptions): Explanation & { trust: RoleTrustResult } {
  const result = judgeRoleTrust(input);
  const set: PolicySet = { ...ownPolicies(input.caller), resource: input.trust ? [input.trust] : [] };
  const full = explain(input.request, set, options);
  const trustPart = input.trust
    ? explain({ ...input.request, resourceAccount: input.request.principal?.accountId }, { identity: [], resource: [input.trust] }, options)
    : undefined;
  const trustStatements = full.statements.filter((s) => s.role === 'resource');
  const applying = (s: StatementOutcome) => s.result === 'matched' && s.failedPart === undefined;
  let deciding: StatementOutcome[] = [];
  let closest: StatementOutcome[] = [];
  if (result.decision === 'explicitDeny') deciding = full.statements.filter((s) => s.effect === 'Deny' && applying(s));
  else if (result.decision === 'allowed') {
    const trustAllows = trustStatements.filter((s) => s.effect === 'Allow' && applying(s));
    deciding =
      result.reason === 'allowedByTrust'
        ? trustAllows.filter((s) => !s.principalByAccountOnly)
        : full.decidingStatements.filter((s) => s.role !== 'resource').concat(trustAllows);
    if (deciding.length === 0) deciding = full.decidingStatements;
  } else if (result.reason === 'trustDoesNotAllow' || result.reason === 'trustUnreadable') {
    closest = trustStatements
      .filter((s) => s.effect === 'Allow')
      .sort((a, b) => b.closeness - a.closeness)
      .slice(0, 3);
  } else closest = full.closestNonMatchingStatements.filter((s) => s.role !== 'resource');
  return {
    ...full,
    decision: result.decision,
    decidingStatements: deciding,
    resourceDecision: trustPart
      ? result.trustMatch === 'none'
        ? trustPart.decision === 'explicitDeny'
          ? 'explicitDeny'
          : 'implicitDeny'
        : 'allowed'
      : 'implicitDeny',
    closestNonMatchingStatements: closest,
    trust: result,
  };
}
