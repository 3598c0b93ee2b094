// The custom policy checks (CheckNoNewAccess, CheckAccessNotGranted, CheckNoPublicAccess), decided over the
// statements lib/policy parses. Every rule is sound in one direction: PASS only when it is proven; anything the
// rules cannot prove (conditions they cannot compare, variables, NotPrincipal, overlapping denies) is a FAIL
// whose reason names the statement. The method is described in docs/ACCESS-ANALYZER.md.
import { parsePolicy, type ParsedPolicy, type ParsedStatement } from '../policy';
import { InvalidParameterException, ValidationException } from './errors';
import { includes, overlaps, tokenize } from './patterns';

export type AccessCheckPolicyType = 'IDENTITY_POLICY' | 'RESOURCE_POLICY';

export interface ReasonSummary {
  description: string;
  statementIndex: number;
  statementId?: string;
}

export interface CheckResult {
  result: 'PASS' | 'FAIL';
  message: string;
  reasons?: ReasonSummary[];
}

/** A statement reduced to what the checks compare. */
interface Statement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Action or NotAction patterns, lower-cased. */
  actions: string[];
  notAction: boolean;
  /** Resource or NotResource patterns; a statement without either applies to any resource. */
  resources: string[];
  notResource: boolean;
  /** `TYPE:value` entries; `AWS:*` for the anonymous wildcard. Undefined without Principal/NotPrincipal. */
  principals?: string[];
  notPrincipal: boolean;
  conditions: Condition[];
  /** The version of the policy (variables are replaced only under 2012-10-17). */
  version: string;
}

interface Condition {
  operator: string;
  key: string;
  values: string[];
}

/** Reads a policy for the checks; a document IAM could not evaluate is answered with InvalidParameterException. */
function readPolicy(text: string, name: string): Statement[] {
  const parsed: ParsedPolicy = parsePolicy(text);
  const error = parsed.findings.find((f) => f.severity === 'error');
  if (!parsed.isJson || error) {
    throw new InvalidParameterException(`The ${name} is not a valid policy document: ${error?.message ?? 'it must be a JSON object.'}`);
  }
  const version = parsed.version?.value ?? '2008-10-17';
  return parsed.statements.map((s) => toStatement(s, version));
}

function canonicalPrincipal(type: string, value: string): string {
  if (type === 'AWS' && /^\d{12}$/.test(value)) return `AWS:arn:aws:iam::${value}:root`;
  return `${type}:${value}`;
}

function toStatement(s: ParsedStatement, version: string): Statement {
  const principal = s.principal ?? s.notPrincipal;
  let principals: string[] | undefined;
  if (principal) {
    principals = principal.wildcard
      ? ['AWS:*']
      : principal.entries.flatMap((e) => e.values.map((v) => canonicalPrincipal(e.type, v.value)));
  }
  return {
    index: s.index,
    sid: s.sid?.value,
    effect: s.effect?.value === 'Deny' ? 'Deny' : 'Allow',
    actions: (s.action ?? s.notAction)?.values.map((v) => v.value.toLowerCase()) ?? [],
    notAction: !s.action && !!s.notAction,
    resources: (s.resource ?? s.notResource)?.values.map((v) => v.value) ?? ['*'],
    notResource: !s.resource && !!s.notResource,
    principals,
    notPrincipal: !s.principal && !!s.notPrincipal,
    conditions: (s.conditions ?? []).map((c) => ({ operator: c.operator, key: c.key.toLowerCase(), values: c.values.map((v) => v.value) })),
    version,
  };
}

/** A statement's identity ignoring its Sid (the same Deny in both policies removes the same access from both). */
function fingerprint(s: Statement): string {
  const conditions = s.conditions.map((c) => `${c.operator}|${c.key}|${[...c.values].sort().join(',')}`).sort();
  return JSON.stringify([
    s.effect,
    s.notAction,
    [...s.actions].sort(),
    s.notResource,
    [...s.resources].sort(),
    s.notPrincipal,
    s.principals ? [...s.principals].sort() : null,
    conditions,
    s.version,
  ]);
}

const actionTokens = (pattern: string) => tokenize(pattern, { ignoreCase: true });

/** Does `outer` (a pattern of the existing policy) cover every resource `inner` (of the new one) may name? */
function resourceIncludes(outer: string, outerVersion: string, inner: string, innerVersion: string): boolean {
  if (outerVersion === '2012-10-17' && outer.includes('${')) return outer === inner && innerVersion === outerVersion;
  return includes(tokenize(outer), tokenize(inner, { variablesAsWildcards: innerVersion === '2012-10-17' }));
}

function resourceOverlaps(a: string, aVersion: string, b: string, bVersion: string): boolean {
  return overlaps(
    tokenize(a, { variablesAsWildcards: aVersion === '2012-10-17' }),
    tokenize(b, { variablesAsWildcards: bVersion === '2012-10-17' }),
  );
}

/** The part of a new statement checked at once: one action (or the whole NotAction set) × one resource (or NotResource set). */
interface Piece {
  action: string | { not: string[] };
  resource: string | { not: string[] };
}

function pieces(s: Statement): Piece[] {
  const actions: Piece['action'][] = s.notAction ? [{ not: s.actions }] : s.actions;
  const resources: Piece['resource'][] = s.notResource ? [{ not: s.resources }] : s.resources;
  return actions.flatMap((action) => resources.map((resource) => ({ action, resource })));
}

function actionCovered(e: Statement, action: Piece['action']): boolean {
  if (typeof action === 'string') {
    const inner = actionTokens(action);
    if (!e.notAction) return e.actions.some((q) => includes(actionTokens(q), inner));
    return e.actions.every((q) => !overlaps(actionTokens(q), inner));
  }
  // The new statement grants everything but `action.not`: only '*' or a smaller exclusion covers it.
  if (!e.notAction) return e.actions.some((q) => q === '*');
  return e.actions.every((q) => action.not.some((n) => includes(actionTokens(n), actionTokens(q))));
}

function resourceCovered(e: Statement, resource: Piece['resource'], newVersion: string): boolean {
  if (typeof resource === 'string') {
    if (!e.notResource) return e.resources.some((q) => resourceIncludes(q, e.version, resource, newVersion));
    return e.resources.every((q) => !resourceOverlaps(q, e.version, resource, newVersion));
  }
  if (!e.notResource) return e.resources.some((q) => q === '*');
  return e.resources.every((q) => resource.not.some((n) => resourceIncludes(n, newVersion, q, e.version)));
}

/** Operators whose values are alternatives: more values allow more (fewer for the negated ones). */
function valueSetOperator(operator: string): 'positive' | 'negative' | undefined {
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '');
  if (/^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/.test(base)) return 'positive';
  if (/^(StringNotEquals|StringNotEqualsIgnoreCase|StringNotLike|ArnNotEquals|ArnNotLike)$/.test(base)) return 'negative';
  return undefined;
}

/** True when the new statement's conditions imply every condition of the existing statement. */
function conditionsImplied(existing: Statement, statement: Statement): boolean {
  return existing.conditions.every((ec) => {
    if (ec.values.some((v) => v.includes('${')) && existing.version !== statement.version) return false;
    return statement.conditions.some((nc) => {
      if (nc.operator !== ec.operator || nc.key !== ec.key) return false;
      const kind = valueSetOperator(ec.operator);
      if (kind === 'positive') return nc.values.every((v) => ec.values.includes(v));
      if (kind === 'negative') return ec.values.every((v) => nc.values.includes(v));
      return nc.values.length === ec.values.length && nc.values.every((v) => ec.values.includes(v));
    });
  });
}

function principalsCovered(existing: Statement, statement: Statement): boolean {
  if (!statement.principals && !existing.principals) return true;
  if (!statement.principals || !existing.principals || existing.notPrincipal || statement.notPrincipal) return false;
  if (existing.principals.includes('AWS:*')) return true;
  return statement.principals.every((p) => existing.principals!.includes(p));
}

/** Could a Deny statement take away some access of this piece (so the existing policy may grant less than it seems)? */
function denyMayApply(d: Statement, piece: Piece, version: string): boolean {
  const action = typeof piece.action === 'string' ? piece.action : '*';
  const resource = typeof piece.resource === 'string' ? piece.resource : '*';
  const actionHit = d.notAction ? true : d.actions.some((q) => overlaps(actionTokens(q), actionTokens(action)));
  const resourceHit = d.notResource ? true : d.resources.some((q) => resourceOverlaps(q, d.version, resource, version));
  return actionHit && resourceHit;
}

function reasonOf(s: Statement, description: string): ReasonSummary {
  const reason: ReasonSummary = { description, statementIndex: s.index };
  if (s.sid !== undefined && s.sid !== '') reason.statementId = s.sid;
  return reason;
}

/**
 * CheckNoNewAccess: PASS only when each Allow statement of the new policy is covered, piece by piece, by one
 * Allow statement of the existing policy (actions, resources and principals included; its conditions implied)
 * and no Deny of the existing policy that the new policy drops could have narrowed that statement.
 */
export function checkNoNewAccess(newPolicy: string, existingPolicy: string, policyType: AccessCheckPolicyType): CheckResult {
  const next = readPolicy(newPolicy, 'new policy document');
  const existing = readPolicy(existingPolicy, 'existing policy document');
  const existingAllows = existing.filter((s) => s.effect === 'Allow');
  const keptDenies = new Set(next.filter((s) => s.effect === 'Deny').map(fingerprint));
  const droppedDenies = existing.filter((s) => s.effect === 'Deny' && !keptDenies.has(fingerprint(s)));
  const reasons: ReasonSummary[] = [];
  for (const statement of next) {
    if (statement.effect !== 'Allow') continue;
    if (policyType === 'RESOURCE_POLICY' && !statement.principals) {
      reasons.push(reasonOf(statement, `New access in the statement with index: ${statement.index}.`));
      continue;
    }
    const uncovered = pieces(statement).some((piece) => {
      const covered = existingAllows.some(
        (e) =>
          actionCovered(e, piece.action) &&
          resourceCovered(e, piece.resource, statement.version) &&
          conditionsImplied(e, statement) &&
          principalsCovered(e, statement),
      );
      return !covered || droppedDenies.some((d) => denyMayApply(d, piece, statement.version));
    });
    if (uncovered) reasons.push(reasonOf(statement, `New access in the statement with index: ${statement.index}.`));
  }
  if (reasons.length)
    return { result: 'FAIL', message: 'The modified permissions grant new access compared to your existing policy.', reasons };
  return { result: 'PASS', message: 'The modified permissions do not grant new access compared to your existing policy.', reasons: [] };
}

/** Whether an Allow statement may grant `action` on `resource` (its conditions are assumed to hold). */
function mayGrant(s: Statement, action: string | undefined, resource: string | undefined): boolean {
  if (action !== undefined) {
    const hit = s.actions.some((q) => (s.notAction ? false : overlaps(actionTokens(q), actionTokens(action))));
    const excluded = s.notAction && s.actions.some((q) => includes(actionTokens(q), actionTokens(action)));
    if (s.notAction ? excluded : !hit) return false;
  }
  if (resource !== undefined) {
    const hit = !s.notResource && s.resources.some((q) => resourceOverlaps(q, s.version, resource, s.version));
    const excluded =
      s.notResource &&
      s.resources.some((q) => !(s.version === '2012-10-17' && q.includes('${')) && includes(tokenize(q), tokenize(resource)));
    if (s.notResource ? excluded : !hit) return false;
  }
  return true;
}

/** Whether an unconditional Deny surely refuses `action` on `resource` to every principal the policy names. */
function surelyDenies(d: Statement, action: string | undefined, resource: string | undefined, policyType: AccessCheckPolicyType): boolean {
  if (d.conditions.length || d.notAction || d.notResource || d.notPrincipal) return false;
  if (policyType === 'RESOURCE_POLICY' && !d.principals?.includes('AWS:*')) return false;
  const actionDenied = d.actions.some((q) => includes(actionTokens(q), actionTokens(action ?? '*')));
  const resourceDenied = d.resources.some(
    (q) => !(d.version === '2012-10-17' && q.includes('${')) && includes(tokenize(q), tokenize(resource ?? '*')),
  );
  return actionDenied && resourceDenied;
}

/**
 * CheckAccessNotGranted: FAIL when some Allow statement may grant one of the actions on one of the resources
 * (conditions assumed to hold) and no unconditional Deny of the same policy surely refuses it.
 */
export function checkAccessNotGranted(
  policy: string,
  access: { actions?: string[]; resources?: string[] }[],
  policyType: AccessCheckPolicyType,
): CheckResult {
  const entry = access[0];
  const actions = entry?.actions ?? [];
  const resources = entry?.resources ?? [];
  if (!entry || (actions.length === 0 && resources.length === 0)) {
    throw new ValidationException('Specify at least one action or resource in access.', 'fieldValidationFailed', [
      { name: 'access', message: 'Must name at least one action or resource' },
    ]);
  }
  for (const action of actions) {
    if (!/^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/.test(action))
      throw new InvalidParameterException(`The action ${action} is not in the service:Action format.`);
  }
  const statements = readPolicy(policy, 'policy document');
  const denies = statements.filter((s) => s.effect === 'Deny');
  const actionList: (string | undefined)[] = actions.length ? actions.map((a) => a.toLowerCase()) : [undefined];
  const resourceList: (string | undefined)[] = resources.length ? resources : [undefined];
  const reasons: ReasonSummary[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    const grants = actionList.some((action) =>
      resourceList.some(
        (resource) => mayGrant(statement, action, resource) && !denies.some((d) => surelyDenies(d, action, resource, policyType)),
      ),
    );
    if (grants) {
      const what =
        actions.length && resources.length
          ? 'listed actions on the listed resources'
          : actions.length
            ? 'listed actions'
            : 'listed resources';
      reasons.push(reasonOf(statement, `One or more of the ${what} in the statement with index: ${statement.index}.`));
    }
  }
  const subject = actions.length ? 'perform one or more of the listed actions' : 'access one or more of the listed resources';
  if (reasons.length) return { result: 'FAIL', message: `The policy document grants access to ${subject}.`, reasons };
  return { result: 'PASS', message: `The policy document does not grant access to ${subject}.`, reasons: [] };
}

/** Public OpenID Connect providers and the condition keys that tie their tokens to one application. */
const PUBLIC_IDENTITY_PROVIDERS: Record<string, string[]> = {
  'cognito-identity.amazonaws.com': ['cognito-identity.amazonaws.com:aud'],
  'accounts.google.com': ['accounts.google.com:aud', 'accounts.google.com:oaud'],
  'graph.facebook.com': ['graph.facebook.com:app_id'],
  'www.amazon.com': ['www.amazon.com:app_id'],
};

/** Keys that, compared to fixed values, confine a statement to named accounts, organizations or networks. */
const CONFINING_KEYS = new Set(
  [
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceOwner',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:userid',
    'aws:SourceVpc',
    'aws:SourceVpce',
  ].map((k) => k.toLowerCase()),
);

/** A condition that holds only for fixed values of `keys` (no wildcards, set operators, IfExists or variables). */
function confines(statement: Statement, keys: (key: string) => boolean): boolean {
  return statement.conditions.some((c) => {
    if (!keys(c.key) || c.values.length === 0) return false;
    if (/^(ForAllValues|ForAnyValue):/.test(c.operator) || c.operator.endsWith('IfExists')) return false;
    if (c.values.some((v) => v.includes('${'))) return false;
    if (c.operator === 'StringEquals' || c.operator === 'ArnEquals') return true;
    if (c.operator === 'StringLike') return c.values.every((v) => !/[*?]/.test(v));
    if (c.operator === 'ArnLike') return c.values.every((v) => /^\d{12}$/.test(v.split(':')[4] ?? ''));
    return false;
  });
}

/** Why an Allow statement may be public, or undefined when it is not. */
function publicReason(s: Statement): string | undefined {
  if (s.notPrincipal) return 'NotPrincipal with Allow grants access to everyone not listed, including anonymous users';
  for (const principal of s.principals ?? []) {
    const colon = principal.indexOf(':');
    const type = principal.slice(0, colon);
    const value = principal.slice(colon + 1);
    if (type === 'AWS' && value.includes('*')) {
      if (!confines(s, (k) => CONFINING_KEYS.has(k)))
        return 'the principal is "*" and no condition confines it to named accounts, organizations or networks';
    } else if (type === 'Federated') {
      const keys = PUBLIC_IDENTITY_PROVIDERS[value];
      if (keys && !confines(s, (k) => keys.includes(k)))
        return `tokens of ${value} for any application can assume it (no ${keys[0]} condition)`;
      const oidc = /:oidc-provider\/(.+)$/.exec(value);
      if (oidc && !confines(s, (k) => k === `${oidc[1].toLowerCase()}:sub`))
        return `any identity of ${oidc[1]} can assume it (no ${oidc[1]}:sub condition with fixed values)`;
      if (!keys && !oidc && !/:saml-provider\//.test(value)) return `the federated principal ${value} is not one Gatehouse can judge`;
    }
  }
  return undefined;
}

/**
 * CheckNoPublicAccess: FAIL when an Allow statement grants to everyone (`*`, NotPrincipal), or to a public
 * identity provider's tokens, without a condition that confines it to fixed accounts, organizations,
 * networks or applications.
 */
export function checkNoPublicAccess(policy: string, resourceType: string): CheckResult {
  const statements = readPolicy(policy, 'policy document');
  const reasons: ReasonSummary[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    if (!statement.principals) {
      throw new InvalidParameterException(
        `The statement with index ${statement.index} has no Principal: a ${resourceType} policy must name its principals.`,
      );
    }
    const why = publicReason(statement);
    if (why) reasons.push(reasonOf(statement, `Public access granted in the following statement with index: ${statement.index} (${why}).`));
  }
  if (reasons.length) return { result: 'FAIL', message: 'The resource policy grants public access for the given resource type.', reasons };
  return { result: 'PASS', message: 'The resource policy does not grant public access for the given resource type.', reasons: [] };
}
