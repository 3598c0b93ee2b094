// Evaluate stage: AWS's policy evaluation logic over compiled policies — `authorize` (fast path) and `explain` (every statement's outcome).

import { matchArnPattern, splitArn, compileArnPattern } from './arn';
import { ContextReader, lowerCaseOf, type RequestContext } from './context';
import { addressInCidr, compare, decodeBase64, parseNumber, type Cidr } from './operators';
import type {
  ActionCacheEntry,
  CompiledCondition,
  CompiledConditionValue,
  CompiledPolicy,
  CompiledPrincipal,
  CompiledResource,
  CompiledStatement,
  PolicyType,
  SourceRange,
} from './types';
import { resolvePattern, resolvePatternCached, resolveText, substitutionKey } from './variables';
import { compilePieces, matchWildcard } from './wildcard';

/** One request to authorize. */
export interface AuthorizationRequest {
  /** 'service:Action', e.g. 'iam:GetUser' (matched ignoring case). */
  action: string;
  /** Resource ARN, or '*' for actions without resource-level permissions. */
  resource: string;
  /** The caller, for Principal/NotPrincipal in resource-based and trust policies. */
  principal?: {
    arn: string;
    accountId: string;
    /** For service principals ('ec2.amazonaws.com'), federated ('cognito-identity.amazonaws.com') and S3 canonical users. */
    service?: string;
    federated?: string;
    canonicalUser?: string;
  };
  /** The account that owns the resource: a different account from the principal's makes the request cross-account. */
  resourceAccount?: string;
  /** Condition keys and their values; key lookup ignores case. */
  context: RequestContext;
}

/** The policies that apply to one request, grouped by the role they play in AWS's evaluation logic. */
export interface PolicySet {
  /** The user's own and its groups' policies, or the role's. */
  identity: CompiledPolicy[];
  /** Permissions boundary (undefined: none). */
  boundary?: CompiledPolicy[];
  /** Session policies (undefined: none). */
  session?: CompiledPolicy[];
  /** Resource-based policies, including the trust policy when judging sts:AssumeRole. */
  resource?: CompiledPolicy[];
  /** Service control policies of the account's organization (undefined: none). */
  scp?: CompiledPolicy[];
}

/** The three outcomes AWS's simulator reports. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Which part of a PolicySet a policy came from. */
export type PolicySetRole = 'identity' | 'boundary' | 'session' | 'resource' | 'scp';

const FALSE = 0;
const TRUE = 1;
const UNEVALUABLE = 2;
type Tri = 0 | 1 | 2;

/**
 * How a statement's Principal matched: by the caller's identity or '*' (DIRECT), only by its account (ACCOUNT),
 * or by the caller's own IAM user ARN or role-session ARN (NAMED: a same-account resource-based grant that
 * neither identity-based policies, a permissions boundary nor session policies limit).
 */
const PRINCIPAL_NONE = 0;
const PRINCIPAL_DIRECT = 1;
const PRINCIPAL_ACCOUNT = 2;
const PRINCIPAL_NAMED = 3;

/** An IAM user ARN or a role session ARN: the principals a same-account resource-based policy can name past a boundary. */
const NAMEABLE_CALLER = /^arn:[^:]+:(?:iam::\d{12}:user\/|sts::\d{12}:assumed-role\/)/;

const ACTION_CACHE_LIMIT = 4096;

/** Per-request state computed once and shared by every statement. */
class RequestState {
  readonly actionLower: string;
  readonly context: ContextReader;
  private resourceSegments: string[] | null | undefined;
  constructor(readonly request: AuthorizationRequest) {
    this.actionLower = lowerCaseOf(request.action);
    this.context = new ContextReader(request.context ?? {});
  }
  segments(): string[] | null {
    if (this.resourceSegments === undefined) this.resourceSegments = splitArn(this.request.resource) ?? null;
    return this.resourceSegments;
  }
}

/** Statements of a policy whose Action/NotAction matches the action, cached per action. */
function statementsForAction(policy: CompiledPolicy, actionLower: string): ActionCacheEntry {
  let entry = policy.actionCache.get(actionLower);
  if (entry === undefined) {
    entry = { allow: [], deny: [], matches: new Uint8Array(policy.statements.length) };
    for (let i = 0; i < policy.statements.length; i++) {
      const statement = policy.statements[i];
      if (actionMatches(statement, actionLower)) {
        entry.matches[i] = 1;
        (statement.effect === 'Deny' ? entry.deny : entry.allow).push(statement);
      }
    }
    // Bounded (action names come from requests) by dropping the oldest entry. Not lru-cache, as everywhere else:
    // this lookup runs once per policy per evaluation, and its get() made bench:policy's twenty-policies scenario
    // ~35% slower than a Map's.
    if (policy.actionCache.size >= ACTION_CACHE_LIMIT) policy.actionCache.delete(policy.actionCache.keys().next().value!);
    policy.actionCache.set(actionLower, entry);
  }
  return entry;
}

function actionMatches(statement: CompiledStatement, actionLower: string): boolean {
  const actions = statement.actions;
  if (actions === undefined) return false;
  let any = false;
  for (let i = 0; i < actions.length; i++) {
    if (matchWildcard(actions[i], actionLower)) {
      any = true;
      break;
    }
  }
  return statement.notAction ? !any : any;
}

/**
 * Whether the statement's Resource/NotResource covers the request's resource; `missing` collects variables that
 * had no value. An entry with an unresolvable variable makes an Allow statement not apply, for NotResource too
 * (IAM User Guide, Variables and tags: "If AWS cannot resolve a variable this might cause the entire statement to
 * be invalid"): read as "matches nothing" and then inverted, it would grant every resource. A Deny statement stays
 * fail-closed: the entry matches nothing and the others still count (a Deny on [A, ${x}] still covers A; a Deny
 * with NotResource ${x} covers everything), so a variable without value never narrows what a Deny refuses.
 */
function resourceMatches(statement: CompiledStatement, state: RequestState, missing?: string[]): boolean {
  const resources = statement.resources;
  if (resources === undefined) return true;
  let any = false;
  let unresolved = false;
  for (let i = 0; i < resources.length; i++) {
    const match = resourceEntryMatches(resources[i], state, missing);
    if (match === UNEVALUABLE) {
      unresolved = true;
      // The explanation lists every missing variable; the fast path may stop at an Allow's first.
      if (missing === undefined && statement.effect === 'Allow') break;
    } else if (match === TRUE && !statement.resourceHasVariables) {
      return !statement.notResource;
    } else if (match === TRUE) any = true;
  }
  if (unresolved && statement.effect === 'Allow') return false;
  return statement.notResource ? !any : any;
}

/** TRUE or FALSE; UNEVALUABLE when the entry has a variable without value. */
function resourceEntryMatches(entry: CompiledResource, state: RequestState, missing?: string[]): Tri {
  const value = state.request.resource;
  if (entry.pattern !== undefined) return matchArnPattern(entry.pattern, value, state.segments()) ? TRUE : FALSE;
  const resolved = resolvePatternCached(entry.template!, state.context, compileArnPattern);
  if (!resolved.ok) {
    if (missing) missing.push(...resolved.missingKeys);
    return UNEVALUABLE;
  }
  return matchArnPattern(resolved.value, value, state.segments()) ? TRUE : FALSE;
}

function principalMatch(principal: CompiledPrincipal, request: AuthorizationRequest): number {
  if (principal.any) return PRINCIPAL_DIRECT;
  const caller = request.principal;
  if (caller === undefined) return PRINCIPAL_NONE;
  if (principal.arns.has(caller.arn)) return NAMEABLE_CALLER.test(caller.arn) ? PRINCIPAL_NAMED : PRINCIPAL_DIRECT;
  if (principal.roles.size > 0) {
    // A role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) is matched by its role's ARN.
    const m = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(caller.arn);
    if (m && principal.roles.has(`${m[1]}/${m[2]}`)) return PRINCIPAL_DIRECT;
    const r = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(caller.arn);
    if (r && principal.roles.has(`${r[1]}/${r[2]}`)) return PRINCIPAL_DIRECT;
  }
  if (principal.services.size > 0) {
    const service = (caller.service ?? caller.arn).toLowerCase();
    if (principal.services.has(service)) return PRINCIPAL_DIRECT;
  }
  if (principal.federated.size > 0 && principal.federated.has(caller.federated ?? caller.arn)) return PRINCIPAL_DIRECT;
  if (caller.canonicalUser !== undefined && principal.canonicalUsers.has(caller.canonicalUser)) return PRINCIPAL_DIRECT;
  if (principal.accounts.has(caller.accountId)) return PRINCIPAL_ACCOUNT;
  return PRINCIPAL_NONE;
}

/**
 * Principal check: identity-type policies have no Principal (always applies). A resource-based statement
 * must name the caller; NotPrincipal applies to everyone it does not name.
 */
function statementPrincipal(statement: CompiledStatement, role: PolicySetRole, request: AuthorizationRequest): number {
  const principal = statement.principal;
  if (principal === undefined) return role === 'resource' ? PRINCIPAL_NONE : PRINCIPAL_DIRECT;
  const match = principalMatch(principal, request);
  if (statement.notPrincipal) return match === PRINCIPAL_NONE ? PRINCIPAL_DIRECT : PRINCIPAL_NONE;
  return match;
}

// ---------------------------------------------------------------------------------------------------------
// Conditions

/** What one condition did, for explanations. */
export interface ConditionOutcome {
  operator: string;
  key: string;
  /** Policy values after variable substitution (as written when unresolved). */
  policyValues: string[];
  /** The request's values for the key; undefined when the key was absent. */
  contextValues?: string[];
  /** 'skipped': not evaluated because an earlier condition of the statement was false (see ExplainOptions). */
  result: 'true' | 'false' | 'unevaluable' | 'skipped';
  /** Why the condition is unevaluable, or a note on how it was decided (missing key, IfExists, ...). */
  reason?: string;
  /** Policy variables that had no value in the request and no default. */
  missingVariables?: string[];
  range?: SourceRange;
}

function valueMatches(
  condition: CompiledCondition,
  policyValue: CompiledConditionValue,
  contextValue: string,
  context: ContextReader,
): boolean {
  switch (condition.family) {
    case 'String':
      return policyValue.text === contextValue;
    case 'StringIgnoreCase':
      return policyValue.text === contextValue.toLowerCase();
    case 'StringLike':
      return matchWildcard(policyValue.pattern!, contextValue);
    case 'Arn':
      return matchArnPattern(policyValue.arn!, contextValue, context.parsedArn(contextValue));
    case 'Bool':
      return policyValue.text === contextValue.toLowerCase();
    default:
      return false;
  }
}

/**
 * Whether one request value matches any policy value (the positive reading of the operator).
 * Returns undefined when the request value is not valid for the operator (e.g. 'abc' for NumericEquals).
 */
function anyPolicyValueMatches(
  condition: CompiledCondition,
  values: CompiledConditionValue[],
  contextValue: string,
  context: ContextReader,
): boolean | undefined {
  switch (condition.family) {
    case 'Numeric':
    case 'Date': {
      const n = condition.family === 'Numeric' ? parseNumber(contextValue) : context.parsedDate(contextValue);
      if (n === undefined) return undefined;
      for (let i = 0; i < values.length; i++) if (compare(n, condition.comparison, values[i].number!)) return true;
      return false;
    }
    case 'IpAddress': {
      const address = context.parsedAddress(contextValue);
      if (address === undefined) return undefined;
      for (let i = 0; i < values.length; i++) if (addressInCidr(address, values[i].cidr as Cidr)) return true;
      return false;
    }
    case 'Binary': {
      const decoded = decodeBase64(contextValue);
      if (decoded === undefined) return undefined;
      for (let i = 0; i < values.length; i++) if (values[i].text === decoded) return true;
      return false;
    }
    default:
      for (let i = 0; i < values.length; i++) if (valueMatches(condition, values[i], contextValue, context)) return true;
      return false;
  }
}

/** Substitutes policy variables into condition values; undefined (with missing keys recorded) when one has no value. */
const MISSING_SCRATCH: string[] = [];

function resolveConditionValues(
  condition: CompiledCondition,
  state: RequestState,
  trace: ConditionOutcome | undefined,
): CompiledConditionValue[] | undefined {
  const templates = condition.templates;
  if (templates === undefined) return condition.values;
  const missing = MISSING_SCRATCH;
  missing.length = 0;
  const key = substitutionKey(templates, state.context, missing);
  if (key === undefined) {
    if (trace) trace.missingVariables = missing.slice();
    return undefined;
  }
  if (condition.resolvedKey === key) return condition.resolvedValues;
  const resolved: CompiledConditionValue[] = [];
  for (const value of condition.values) {
    const template = value.template;
    if (template === undefined) resolved.push(value);
    else if (condition.family === 'StringLike' || condition.family === 'Arn') {
      const r = resolvePattern(template, state.context);
      if (!r.ok) return undefined;
      resolved.push(
        condition.family === 'StringLike'
          ? { raw: value.raw, pattern: compilePieces(r.value) }
          : { raw: value.raw, arn: compileArnPattern(r.value) },
      );
    } else {
      const r = resolveText(template, state.context);
      if (!r.ok) return undefined;
      resolved.push({ raw: value.raw, text: condition.family === 'StringIgnoreCase' ? r.value.toLowerCase() : r.value });
    }
  }
  condition.resolvedKey = key;
  condition.resolvedValues = resolved;
  condition.resolvedDescriptions = resolved.map(describeResolvedValue);
  return resolved;
}

/**
 * Evaluates one condition (IAM JSON policy elements: Condition operators; Multivalued context keys):
 * - absent key: false, except negated operators (true), ...IfExists (true), ForAllValues (true), Null;
 * - several values for the key: no prefix or ForAnyValue — some value matches; ForAllValues — every value;
 *   negated operators mean "matches none of the policy values";
 * - a policy variable without value makes the condition false (the statement does not apply), whether or not
 *   the key is present.
 */
function evaluateCondition(condition: CompiledCondition, deny: boolean, state: RequestState, trace?: ConditionOutcome): Tri {
  if (condition.unevaluableReason !== undefined) {
    if (trace) {
      trace.result = 'unevaluable';
      trace.reason = condition.unevaluableReason;
      trace.contextValues = state.context.get(condition.keyLower);
    }
    return UNEVALUABLE;
  }
  const contextValues = state.context.get(condition.keyLower);
  if (trace) trace.contextValues = contextValues;
  if (condition.family === 'Null') {
    const isAbsent = contextValues === undefined;
    for (const v of condition.values) if ((v.text === 'true') === isAbsent) return setTrace(trace, TRUE);
    return setTrace(trace, FALSE);
  }
  // In an Allow, a variable without value decides before the key's absence does: otherwise a negated operator,
  // IfExists or ForAllValues on an absent key would make the statement grant although AWS treats it as invalid.
  // In a Deny the absent key's rule still decides first, so the Deny applies as it would without the variable.
  const values = resolveConditionValues(condition, state, trace);
  if (values === undefined && (!deny || contextValues !== undefined)) {
    if (trace) trace.reason = `Policy variable without value: ${trace.missingVariables!.join(', ')}.`;
    return setTrace(trace, FALSE);
  }
  if (contextValues === undefined) {
    let result: Tri;
    let reason: string;
    if (condition.ifExists) {
      result = TRUE;
      reason = 'Key absent: ...IfExists conditions are true.';
    } else if (condition.setOperator === 'ForAllValues') {
      result = TRUE;
      reason = 'Key absent: ForAllValues is true for an empty set.';
    } else if (condition.setOperator === 'ForAnyValue') {
      result = FALSE;
      reason = 'Key absent: ForAnyValue is false for an empty set.';
    } else if (condition.negated) {
      result = TRUE;
      reason = 'Key absent: negated operators are true.';
    } else {
      result = FALSE;
      reason = 'Key absent from the request context.';
    }
    if (trace) trace.reason = reason;
    return setTrace(trace, result);
  }
  if (trace && values !== condition.values) trace.policyValues = condition.resolvedDescriptions!;
  const everyValue = condition.setOperator === 'ForAllValues' || (condition.setOperator === undefined && condition.negated);
  let invalid = false;
  for (let i = 0; i < contextValues.length; i++) {
    // Defined here: without values, only an absent key (decided above) got past the check before it.
    const positive = anyPolicyValueMatches(condition, values!, contextValues[i], state.context);
    if (positive === undefined) invalid = true;
    const valueResult = positive === undefined ? false : condition.negated ? !positive : positive;
    if (everyValue && !valueResult) return invalidTrace(trace, invalid, FALSE);
    if (!everyValue && valueResult) return setTrace(trace, TRUE);
  }
  return invalidTrace(trace, invalid, everyValue ? TRUE : FALSE);
}

function describeResolvedValue(value: CompiledConditionValue): string {
  if (value.text !== undefined) return value.text;
  if (value.pattern !== undefined) return value.pattern.text;
  if (value.arn !== undefined) return value.arn.whole.text;
  return value.raw;
}

function setTrace(trace: ConditionOutcome | undefined, result: Tri): Tri {
  if (trace) trace.result = result === TRUE ? 'true' : result === FALSE ? 'false' : 'unevaluable';
  return result;
}

function invalidTrace(trace: ConditionOutcome | undefined, invalid: boolean, result: Tri): Tri {
  if (trace && invalid) trace.reason = 'A request value is not valid for this operator; it matches nothing.';
  return setTrace(trace, result);
}

/** All conditions ANDed: false wins over unevaluable, unevaluable over true. */
function evaluateConditions(statement: CompiledStatement, state: RequestState): Tri {
  const conditions = statement.conditions;
  let result: Tri = TRUE;
  for (let i = 0; i < conditions.length; i++) {
    const r = evaluateCondition(conditions[i], statement.effect === 'Deny', state);
    if (r === FALSE) return FALSE;
    if (r === UNEVALUABLE) result = UNEVALUABLE;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Fast path

/**
 * Whether a statement applies. An unevaluable condition (unknown operator, invalid policy value) is decided
 * fail-closed: an Allow statement does not apply, a Deny statement does (so a broken Deny never opens access).
 */
function statementApplies(statement: CompiledStatement, role: PolicySetRole, state: RequestState): number {
  if (!resourceMatches(statement, state)) return PRINCIPAL_NONE;
  const principal = statementPrincipal(statement, role, state.request);
  if (principal === PRINCIPAL_NONE) return PRINCIPAL_NONE;
  const conditions = evaluateConditions(statement, state);
  if (conditions === TRUE) return principal;
  if (conditions === UNEVALUABLE && statement.effect === 'Deny') return principal;
  return PRINCIPAL_NONE;
}

function anyDeny(policies: CompiledPolicy[] | undefined, role: PolicySetRole, state: RequestState): boolean {
  if (policies === undefined) return false;
  for (let p = 0; p < policies.length; p++) {
    const deny = statementsForAction(policies[p], state.actionLower).deny;
    for (let i = 0; i < deny.length; i++) if (statementApplies(deny[i], role, state) !== PRINCIPAL_NONE) return true;
  }
  return false;
}

/** Best principal match among the Allow statements that apply (NAMED beats DIRECT beats ACCOUNT). */
function bestAllow(policies: CompiledPolicy[] | undefined, role: PolicySetRole, state: RequestState): number {
  if (policies === undefined) return PRINCIPAL_NONE;
  let best = PRINCIPAL_NONE;
  for (let p = 0; p < policies.length; p++) {
    const allow = statementsForAction(policies[p], state.actionLower).allow;
    for (let i = 0; i < allow.length; i++) {
      const m = statementApplies(allow[i], role, state);
      if (m === PRINCIPAL_NAMED) return m;
      if (m === PRINCIPAL_DIRECT) {
        if (role !== 'resource') return m;
        best = m;
      } else if (m === PRINCIPAL_ACCOUNT && best === PRINCIPAL_NONE) best = m;
    }
  }
  return best;
}

/** Cross-account when the resource's account is known and differs from the caller's (service principals have none). */
function isCrossAccount(request: AuthorizationRequest): boolean {
  const principal = request.principal;
  return (
    request.resourceAccount !== undefined &&
    principal !== undefined &&
    principal.accountId !== '' &&
    request.resourceAccount !== principal.accountId
  );
}

/**
 * Whether identity-based and resource-based policies together grant, as AWS's policy evaluation logic says (IAM User Guide: Policy evaluation logic;
 * Cross-account policy evaluation logic):
 * - same account: an identity-based allow or a resource-based allow suffices; a resource-based statement that
 *   names only the caller's account (root ARN or account id) delegates to identity-based policies, so it
 *   needs an identity-based allow too;
 * - cross-account: both an identity-based allow and a resource-based allow are needed;
 * SCPs, permissions boundaries and session policies, when present, must each allow too — except for a
 * same-account resource-based allow that names the caller's own IAM user ARN or role-session ARN, which an
 * implicit deny in identity-based policies, a permissions boundary or session policies does not limit (IAM
 * User Guide: Permissions boundaries, "Evaluating effective permissions with boundaries"; Session policies).
 */
function identityOrResourceAllows(request: AuthorizationRequest, identityAllow: boolean, resourceMatch: number): boolean {
  if (isCrossAccount(request)) return identityAllow && resourceMatch !== PRINCIPAL_NONE;
  return identityAllow || resourceMatch === PRINCIPAL_DIRECT || resourceMatch === PRINCIPAL_NAMED;
}

/** A same-account resource-based grant naming the caller's user or session ARN: not limited by boundary or session policies. */
function namedResourceGrant(request: AuthorizationRequest, resourceMatch: number): boolean {
  return resourceMatch === PRINCIPAL_NAMED && !isCrossAccount(request);
}

/** Whether the permissions boundary and session policies, when present, each allow. */
function limitsAllow(policies: PolicySet, state: RequestState): boolean {
  return (
    (policies.boundary === undefined || bestAllow(policies.boundary, 'boundary', state) !== PRINCIPAL_NONE) &&
    (policies.session === undefined || bestAllow(policies.session, 'session', state) !== PRINCIPAL_NONE)
  );
}

/**
 * Authorizes a request against a policy set: explicit deny anywhere wins, then an allow is needed as AWS's
 * evaluation logic describes; otherwise implicit deny. Allocates nothing for explanations.
 */
export function authorize(request: AuthorizationRequest, policies: PolicySet): Decision {
  const state = new RequestState(request);
  if (
    anyDeny(policies.identity, 'identity', state) ||
    anyDeny(policies.resource, 'resource', state) ||
    anyDeny(policies.scp, 'scp', state) ||
    anyDeny(policies.boundary, 'boundary', state) ||
    anyDeny(policies.session, 'session', state)
  ) {
    return 'explicitDeny';
  }
  const identityAllow = bestAllow(policies.identity, 'identity', state) !== PRINCIPAL_NONE;
  const crossAccount = isCrossAccount(request);
  let granted: boolean;
  if (identityAllow && !crossAccount) {
    // Same account with an identity-based allow: no resource-based policy is needed unless the limits refuse.
    granted = limitsAllow(policies, state) || bestAllow(policies.resource, 'resource', state) === PRINCIPAL_NAMED;
  } else {
    const resourceMatch = bestAllow(policies.resource, 'resource', state);
    granted =
      namedResourceGrant(request, resourceMatch) ||
      (identityOrResourceAllows(request, identityAllow, resourceMatch) && limitsAllow(policies, state));
  }
  return granted && (policies.scp === undefined || bestAllow(policies.scp, 'scp', state) !== PRINCIPAL_NONE) ? 'allowed' : 'implicitDeny';
}

// ---------------------------------------------------------------------------------------------------------
// Explanation

/** What one statement did for the request. */
export interface StatementOutcome {
  policyId: string;
  policyType?: PolicyType;
  /** The part of the policy set the statement's policy belongs to. */
  role: PolicySetRole;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  range: SourceRange;
  /** matched: the statement applies; unevaluable: it would apply but a condition could not be evaluated. */
  result: 'matched' | 'notMatched' | 'unevaluable';
  actionMatched: boolean;
  /** undefined when not checked (the action did not match). */
  resourceMatched?: boolean;
  /** Conditions are traced only when action, resource and principal matched (otherwise empty). */
  principalMatched?: boolean;
  /** For resource-based statements: the Principal named only the caller's account (delegation). */
  principalByAccountOnly?: boolean;
  /** For resource-based statements: the Principal named the caller's own IAM user or role-session ARN. */
  principalNamesCaller?: boolean;
  /** The first part that failed, in evaluation order. */
  failedPart?: 'action' | 'resource' | 'principal' | 'condition';
  conditions: ConditionOutcome[];
  /** Condition keys and policy variables the statement needed that the request lacked. */
  missingContextKeys: string[];
  /** How close the statement came to applying (0..4: stages passed in order, plus the share of conditions that held). */
  closeness: number;
  /** For an unevaluable statement: how `authorize` decided it (fail-closed). */
  decidedAs?: 'applies' | 'doesNotApply';
}

/** A part of the set's own verdict (boundary, session policies, SCPs, identity, resource). */
export interface PartDecision {
  /** explicitDeny, allowed (some Allow applies), or implicitDeny (none). */
  decision: Decision;
  statements: StatementOutcome[];
}

/** Options of `explain`. */
export interface ExplainOptions {
  /**
   * Evaluate every condition of every applicable statement, even after one was false (for a console that
   * shows each condition's result). Default: conditions after the first false one are 'skipped', as
   * evaluation stops there; their keys still count for missing context keys.
   */
  allConditions?: boolean;
}

/** The full explanation of one request. */
export interface Explanation {
  decision: Decision;
  action: string;
  resource: string;
  crossAccount: boolean;
  /** Statements that decided: the applying Deny statements, or the Allow statements that granted access. */
  decidingStatements: StatementOutcome[];
  /** Every statement of every policy, in policy-set order. */
  statements: StatementOutcome[];
  identityDecision: Decision;
  resourceDecision?: Decision;
  boundaryDecision?: Decision;
  sessionDecision?: Decision;
  scpDecision?: Decision;
  /** Context keys referenced by applicable statements that the request did not have (sorted). */
  missingContextKeys: string[];
  /** For an implicit deny: the Allow statements that came closest, with the part that failed. */
  closestNonMatchingStatements: StatementOutcome[];
  /** True when some statement could not be fully evaluated; see each statement's `decidedAs`. */
  unevaluable: boolean;
}

// Shared empty lists for outcomes; frozen because outcomes are shared between explanations.
const NO_KEYS = Object.freeze([]) as unknown as string[];
const NO_CONDITIONS = Object.freeze([]) as unknown as ConditionOutcome[];

function explainStatement(
  policy: CompiledPolicy,
  statement: CompiledStatement,
  role: PolicySetRole,
  state: RequestState | undefined,
  actionMatched: boolean,
  allConditions = false,
): StatementOutcome {
  const outcome: StatementOutcome = {
    policyId: policy.policyId,
    policyType: policy.policyType,
    role,
    statementIndex: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    range: statement.range,
    result: 'notMatched',
    actionMatched,
    resourceMatched: undefined,
    principalMatched: undefined,
    principalByAccountOnly: undefined,
    principalNamesCaller: undefined,
    failedPart: undefined,
    conditions: NO_CONDITIONS,
    missingContextKeys: NO_KEYS,
    closeness: 0,
    decidedAs: undefined,
  };
  if (!actionMatched || state === undefined) {
    outcome.failedPart = 'action';
    return outcome;
  }
  let missing: string[] | undefined;
  const resourceMatched = statement.resourceHasVariables
    ? resourceMatches(statement, state, (missing = []))
    : resourceMatches(statement, state);
  if (missing !== undefined && missing.length === 0) missing = undefined;
  const principal = statementPrincipal(statement, role, state.request);
  const principalMatched = principal !== PRINCIPAL_NONE;
  outcome.resourceMatched = resourceMatched;
  outcome.principalMatched = principalMatched;
  if (principal === PRINCIPAL_ACCOUNT) outcome.principalByAccountOnly = true;
  else if (principal === PRINCIPAL_NAMED) outcome.principalNamesCaller = true;
  // Closeness counts the stages passed in evaluation order (action, resource, principal) before the first
  // failure, plus the share of conditions that held.
  let closeness = 1;
  if (resourceMatched) {
    closeness = 2;
    if (principalMatched) closeness = 3;
  }
  let conditionResult: Tri = TRUE;
  let passed = 0;
  const conditions = statement.conditions;
  // Conditions are evaluated (and their missing keys reported) only for statements that target the request:
  // once the resource or principal failed, the statement is decided.
  if (conditions.length > 0 && closeness === 3) {
    const traces: ConditionOutcome[] = new Array(conditions.length);
    for (let i = 0; i < conditions.length; i++) {
      const condition = conditions[i];
      const trace: ConditionOutcome = {
        operator: condition.operator,
        key: condition.key,
        policyValues: condition.rawValues,
        contextValues: undefined,
        result: 'false',
        reason: undefined,
        missingVariables: undefined,
        range: condition.range,
      };
      traces[i] = trace;
      if (conditionResult === FALSE && !allConditions) {
        // The statement is already decided; record presence (for missing keys) without evaluating.
        trace.result = 'skipped';
        trace.contextValues = state.context.get(condition.keyLower);
        if (trace.contextValues === undefined && condition.family !== 'Null') (missing ??= []).push(condition.key);
        continue;
      }
      const r = evaluateCondition(condition, statement.effect === 'Deny', state, trace);
      if (r === FALSE) conditionResult = FALSE;
      else if (r === UNEVALUABLE) {
        if (conditionResult === TRUE) conditionResult = UNEVALUABLE;
      } else passed++;
      if (trace.contextValues === undefined && condition.family !== 'Null') (missing ??= []).push(condition.key);
      if (trace.missingVariables !== undefined) for (const key of trace.missingVariables) (missing ??= []).push(key);
    }
    outcome.conditions = traces;
  }
  if (closeness === 3) closeness += conditions.length === 0 ? 1 : passed / conditions.length;
  outcome.closeness = closeness;
  if (missing !== undefined) outcome.missingContextKeys = dedupe(missing);
  if (!resourceMatched) outcome.failedPart = 'resource';
  else if (!principalMatched) outcome.failedPart = 'principal';
  else if (conditionResult === FALSE) outcome.failedPart = 'condition';
  else if (conditionResult === UNEVALUABLE) {
    outcome.result = 'unevaluable';
    outcome.decidedAs = statement.effect === 'Deny' ? 'applies' : 'doesNotApply';
  } else outcome.result = 'matched';
  return outcome;
}

/** Removes keys repeated ignoring case (first spelling kept); small lists, so no Map. */
function dedupe(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  let result: string[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const lower = lowerCaseOf(keys[i]);
    let seen = false;
    for (let j = 0; j < i && !seen; j++) if (lowerCaseOf(keys[j]) === lower) seen = true;
    if (seen) result ??= keys.slice(0, i);
    else if (result) result.push(keys[i]);
  }
  return result ?? keys;
}

function applies(outcome: StatementOutcome): boolean {
  return outcome.result === 'matched' || (outcome.result === 'unevaluable' && outcome.decidedAs === 'applies');
}

/**
 * Outcomes of statements whose action does not match depend only on the policy, the action and the role:
 * they are built once, frozen, and shared by every explanation (explanations are read-only).
 */
function actionMismatchOutcomes(
  policy: CompiledPolicy,
  entry: ActionCacheEntry,
  role: PolicySetRole,
): readonly (StatementOutcome | undefined)[] {
  const cache = (entry.actionMismatchOutcomes ??= {});
  let outcomes = cache[role] as (StatementOutcome | undefined)[] | undefined;
  if (outcomes === undefined) {
    outcomes = policy.statements.map((statement, i) =>
      entry.matches[i] === 1 ? undefined : Object.freeze(explainStatement(policy, statement, role, undefined, false)),
    );
    cache[role] = outcomes;
  }
  return outcomes;
}

const ROLES: PolicySetRole[] = ['identity', 'resource', 'scp', 'boundary', 'session'];
const ROLE_INDEX: Record<PolicySetRole, number> = { identity: 0, resource: 1, scp: 2, boundary: 3, session: 4 };

/** Per-part tallies gathered in one pass over the outcomes. */
interface PartTally {
  present: boolean;
  deny: boolean;
  allows: StatementOutcome[];
  directAllow: boolean;
  /** An applying Allow names the caller's own user or session ARN (resource-based policies). */
  namedAllow: boolean;
  /** The three Allow statements of this part that came closest without applying. */
  closest: StatementOutcome[];
}

function partDecision(tally: PartTally): Decision | undefined {
  if (!tally.present) return undefined;
  return tally.deny ? 'explicitDeny' : tally.allows.length > 0 ? 'allowed' : 'implicitDeny';
}

/** Inserts into a top-3 list kept sorted by closeness (stable: earlier statements win ties). */
function keepClosest(closest: StatementOutcome[], outcome: StatementOutcome): void {
  if (closest.length === 3 && closest[2].closeness >= outcome.closeness) return;
  let i = closest.length < 3 ? closest.length : 2;
  while (i > 0 && closest[i - 1].closeness < outcome.closeness) i--;
  closest.splice(i, 0, outcome);
  if (closest.length > 3) closest.pop();
}

/**
 * Explains a request: the decision (always equal to `authorize`'s), every statement's outcome, the deciding
 * statements, each part's own decision, the context keys the request lacked, and — for an implicit deny —
 * the closest Allow statements that did not apply and why.
 */
export function explain(request: AuthorizationRequest, policies: PolicySet, options?: ExplainOptions): Explanation {
  const state = new RequestState(request);
  const allConditions = options?.allConditions === true;
  const lists = [policies.identity, policies.resource, policies.scp, policies.boundary, policies.session];
  const tallies: PartTally[] = [];
  let total = 0;
  for (const list of lists) if (list !== undefined) for (const policy of list) total += policy.statements.length;
  const statements: StatementOutcome[] = new Array(total);
  let next = 0;
  const denies: StatementOutcome[] = [];
  const missing: string[] = [];
  let unevaluable = false;
  for (let r = 0; r < ROLES.length; r++) {
    const role = ROLES[r];
    const list = lists[r];
    const tally: PartTally = { present: list !== undefined, deny: false, allows: [], directAllow: false, namedAllow: false, closest: [] };
    const closest = tally.closest;
    tallies.push(tally);
    if (list === undefined) continue;
    for (const policy of list) {
      const entry = statementsForAction(policy, state.actionLower);
      const matches = entry.matches;
      const mismatches = actionMismatchOutcomes(policy, entry, role);
      const policyStatements = policy.statements;
      if (entry.allow.length === 0 && entry.deny.length === 0) {
        // No statement of this policy concerns the action: its outcomes are all shared, copy them at once.
        for (let i = 0; i < mismatches.length; i++) statements[next++] = mismatches[i]!;
        if (closest.length < 3)
          for (let i = 0; i < mismatches.length && closest.length < 3; i++)
            if (mismatches[i]!.effect === 'Allow') keepClosest(closest, mismatches[i]!);
        continue;
      }
      for (let i = 0; i < policyStatements.length; i++) {
        if (matches[i] === 0) {
          const outcome = mismatches[i]!;
          statements[next++] = outcome;
          if (closest.length < 3 && outcome.effect === 'Allow') keepClosest(closest, outcome);
          continue;
        }
        const outcome = explainStatement(policy, policyStatements[i], role, state, true, allConditions);
        statements[next++] = outcome;
        if (outcome.result === 'unevaluable') unevaluable = true;
        const statementMissing = outcome.missingContextKeys;
        for (let k = 0; k < statementMissing.length; k++) missing.push(statementMissing[k]);
        if (applies(outcome)) {
          if (outcome.effect === 'Deny') {
            tally.deny = true;
            denies.push(outcome);
          } else {
            tally.allows.push(outcome);
            if (!outcome.principalByAccountOnly) tally.directAllow = true;
            if (outcome.principalNamesCaller) tally.namedAllow = true;
          }
        } else if (outcome.effect === 'Allow') keepClosest(closest, outcome);
      }
    }
  }
  const identity = tallies[ROLE_INDEX.identity];
  const resource = tallies[ROLE_INDEX.resource];
  const scp = tallies[ROLE_INDEX.scp];
  const boundary = tallies[ROLE_INDEX.boundary];
  const session = tallies[ROLE_INDEX.session];
  let decision: Decision;
  let deciding: StatementOutcome[];
  if (denies.length > 0) {
    decision = 'explicitDeny';
    deciding = denies;
  } else {
    const resourceMatch = resource.namedAllow
      ? PRINCIPAL_NAMED
      : resource.directAllow
        ? PRINCIPAL_DIRECT
        : resource.allows.length > 0
          ? PRINCIPAL_ACCOUNT
          : PRINCIPAL_NONE;
    const limitsAllow = (!boundary.present || boundary.allows.length > 0) && (!session.present || session.allows.length > 0);
    const allowed =
      (!scp.present || scp.allows.length > 0) &&
      (namedResourceGrant(request, resourceMatch) ||
        (identityOrResourceAllows(request, identity.allows.length > 0, resourceMatch) && limitsAllow));
    decision = allowed ? 'allowed' : 'implicitDeny';
    deciding = allowed ? identity.allows.concat(resource.allows, scp.allows, boundary.allows, session.allows) : [];
  }
  const closest: StatementOutcome[] = [];
  if (decision === 'implicitDeny') {
    // Name the closest Allow statements of the parts that failed to allow: identity/resource when neither
    // granted (or, cross-account, whichever did not), and any SCP, boundary or session part without an allow.
    const failing: PartTally[] = [];
    const crossAccount = isCrossAccount(request);
    const identityGrants = identity.allows.length > 0;
    const resourceGrants = crossAccount ? resource.allows.length > 0 : resource.directAllow;
    if (crossAccount) {
      if (!identityGrants) failing.push(identity);
      if (!resourceGrants) failing.push(resource);
    } else if (!identityGrants && !resourceGrants) failing.push(identity, resource);
    for (const part of [scp, boundary, session]) if (part.present && part.allows.length === 0) failing.push(part);
    for (const part of failing.length > 0 ? failing : tallies) for (const outcome of part.closest) keepClosest(closest, outcome);
  }
  return {
    decision,
    action: request.action,
    resource: request.resource,
    crossAccount: isCrossAccount(request),
    decidingStatements: deciding,
    statements,
    identityDecision: partDecision(identity) ?? 'implicitDeny',
    resourceDecision: partDecision(resource),
    boundaryDecision: partDecision(boundary),
    sessionDecision: partDecision(session),
    scpDecision: partDecision(scp),
    missingContextKeys: missing.length === 0 ? missing : dedupe(missing).sort(),
    // For an implicit deny: the Allow statements that did not apply, ranked by how far they got.
    closestNonMatchingStatements: closest,
    unevaluable,
  };
}
