// Compile stage: ParsedPolicy → CompiledPolicy (precompiled wildcard patterns, parsed condition values), once per policy version.

import { compileArnPattern } from './arn';
import { parseCidr, parseDate, parseNumber, parseOperator, decodeBase64 } from './operators';
import { parsePolicy, PolicyParseError } from './parse';
import type {
  CompiledCondition,
  CompiledConditionValue,
  CompiledPolicy,
  CompiledPrincipal,
  CompiledResource,
  CompiledStatement,
  ParsedCondition,
  ParsedPolicy,
  ParsedPrincipal,
  PolicyType,
  PolicyVersion,
} from './types';
import { parseTemplate } from './variables';
import { compileWildcard, lowerCasePattern, splitWildcards } from './wildcard';

/** A deterministic id for policies compiled without one (FNV-1a of the text). */
function anonymousPolicyId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `policy-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Compiles a policy document for evaluation. Throws PolicyParseError (with positioned findings) when the
 * document cannot be evaluated: invalid JSON, missing Statement, missing or invalid Effect, and the like.
 * Problems that leave the document evaluable (unknown operators, invalid condition values) are kept and
 * reported as unevaluable by `explain`.
 */
export function compilePolicy(text: string, options?: { policyId?: string; policyType?: PolicyType }): CompiledPolicy {
  const parsed = parsePolicy(text, { policyId: options?.policyId });
  const errors = parsed.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 || !parsed.isJson) throw new PolicyParseError(errors);
  return compileParsedPolicy(parsed, options?.policyType);
}

/** Compiles an already parsed policy that has no error findings. */
export function compileParsedPolicy(parsed: ParsedPolicy, policyType?: PolicyType): CompiledPolicy {
  const version: PolicyVersion = parsed.version?.value === '2012-10-17' ? '2012-10-17' : '2008-10-17';
  const variables = version === '2012-10-17';
  const statements: CompiledStatement[] = parsed.statements.map((s) => {
    const actionList = s.action ?? s.notAction;
    const resourceList = s.resource ?? s.notResource;
    const conditions = (s.conditions ?? []).map((c) => compileCondition(c, variables));
    const resources = resourceList?.values.map((v) => compileResource(v.value, v.range, variables));
    const statement: CompiledStatement = {
      index: s.index,
      sid: s.sid?.value,
      effect: s.effect?.value === 'Deny' ? 'Deny' : 'Allow',
      range: s.range,
      actions: actionList?.values.map((v) => lowerCasePattern(compileWildcard(v.value))),
      notAction: !s.action && !!s.notAction,
      resources,
      notResource: !s.resource && !!s.notResource,
      resourceHasVariables: resources?.some((r) => r.template !== undefined) ?? false,
      principal: s.principal ? compilePrincipal(s.principal) : s.notPrincipal ? compilePrincipal(s.notPrincipal) : undefined,
      notPrincipal: !s.principal && !!s.notPrincipal,
      conditions,
      hasUnevaluable: conditions.some((c) => c.unevaluableReason !== undefined),
    };
    return statement;
  });
  return {
    policyId: parsed.policyId ?? anonymousPolicyId(parsed.text),
    policyType,
    version,
    statements,
    allowStatements: statements.filter((s) => s.effect === 'Allow'),
    denyStatements: statements.filter((s) => s.effect === 'Deny'),
    text: parsed.text,
    actionCache: new Map(),
  };
}

function compileResource(raw: string, range: CompiledResource['range'], variables: boolean): CompiledResource {
  const template = variables ? parseTemplate(raw) : undefined;
  if (template) return { raw, range, template };
  return { raw, range, pattern: compileArnPattern(splitWildcards(raw)) };
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;
const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function compilePrincipal(parsed: ParsedPrincipal): CompiledPrincipal {
  const principal: CompiledPrincipal = {
    any: parsed.wildcard,
    accounts: new Set(),
    arns: new Set(),
    roles: new Set(),
    services: new Set(),
    federated: new Set(),
    canonicalUsers: new Set(),
  };
  for (const entry of parsed.entries) {
    for (const { value } of entry.values) {
      switch (entry.type) {
        case 'AWS': {
          if (value === '*') principal.any = true;
          else if (ACCOUNT_ID.test(value)) principal.accounts.add(value);
          else {
            const root = ROOT_ARN.exec(value);
            if (root) principal.accounts.add(root[1]);
            else {
              principal.arns.add(value);
              const role = ROLE_ARN.exec(value);
              if (role) principal.roles.add(`${role[1]}/${role[2]}`);
            }
          }
          break;
        }
        case 'Service':
          principal.services.add(value.toLowerCase());
          break;
        case 'Federated':
          principal.federated.add(value);
          break;
        case 'CanonicalUser':
          principal.canonicalUsers.add(value);
          break;
        default:
          break;
      }
    }
  }
  return principal;
}

function compileCondition(parsed: ParsedCondition, variables: boolean): CompiledCondition {
  const info = parseOperator(parsed.operator);
  const condition: CompiledCondition = {
    operator: parsed.operator,
    family: info?.family ?? 'Unknown',
    comparison: info?.comparison ?? 'eq',
    negated: info?.negated ?? false,
    ifExists: info?.ifExists ?? false,
    setOperator: info?.setOperator,
    key: parsed.key,
    keyLower: parsed.key.toLowerCase(),
    values: [],
    rawValues: parsed.values.map((v) => v.value),
    range: parsed.range,
  };
  if (!info) {
    condition.values = parsed.values.map((v) => ({ raw: v.value, range: v.range }));
    condition.unevaluableReason = `Unknown condition operator "${parsed.operator}".`;
    return condition;
  }
  condition.values = parsed.values.map((v) => compileConditionValue(v.value, v.range, condition, variables));
  if (condition.values.some((v) => v.template !== undefined)) condition.templates = condition.values.map((v) => v.template);
  const invalid = condition.values.find((v) => v.invalid !== undefined);
  if (invalid) condition.unevaluableReason = invalid.invalid;
  if (condition.values.length === 0) condition.unevaluableReason = `Condition "${parsed.operator}" on "${parsed.key}" has no values.`;
  return condition;
}

/** Prepares one condition value for its operator family. */
function compileConditionValue(
  raw: string,
  range: CompiledConditionValue['range'],
  condition: CompiledCondition,
  variables: boolean,
): CompiledConditionValue {
  const value: CompiledConditionValue = { raw, range };
  const family = condition.family;
  const takesVariables = variables && (family === 'String' || family === 'StringIgnoreCase' || family === 'StringLike' || family === 'Arn');
  const template = takesVariables ? parseTemplate(raw) : undefined;
  if (template) {
    value.template = template;
    return value;
  }
  switch (family) {
    case 'String':
      value.text = raw;
      break;
    case 'StringIgnoreCase':
      value.text = raw.toLowerCase();
      break;
    case 'StringLike':
      value.pattern = compileWildcard(raw);
      break;
    case 'Arn':
      value.arn = compileArnPattern(splitWildcards(raw));
      break;
    case 'Numeric':
      value.number = parseNumber(raw);
      if (value.number === undefined) value.invalid = `"${raw}" is not a number (operator ${condition.operator}).`;
      break;
    case 'Date':
      value.number = parseDate(raw);
      if (value.number === undefined) value.invalid = `"${raw}" is not an ISO 8601 date or epoch time (operator ${condition.operator}).`;
      break;
    case 'Bool':
    case 'Null': {
      const lower = raw.toLowerCase();
      if (lower !== 'true' && lower !== 'false') value.invalid = `"${raw}" must be "true" or "false" (operator ${condition.operator}).`;
      value.text = lower;
      break;
    }
    case 'Binary':
      value.text = decodeBase64(raw);
      if (value.text === undefined) value.invalid = `"${raw}" is not base64 (operator ${condition.operator}).`;
      break;
    case 'IpAddress':
      value.cidr = parseCidr(raw);
      if (value.cidr === undefined) value.invalid = `"${raw}" is not an IP address or CIDR block (operator ${condition.operator}).`;
      break;
    default:
      break;
  }
  return value;
}
