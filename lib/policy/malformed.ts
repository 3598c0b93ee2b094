// MalformedPolicyDocument: IAM's checks of a policy on write, in AWS's fixed order with AWS's messages; what it accepts always compiles.

import { parseOperator } from './operators';
import { parsePolicy, parsePolicyWithoutPositions, PolicyParseError } from './parse';
import type { PolicyType } from './types';
import { validateParsedPolicy } from './validate';

export const SYNTAX_ERRORS = 'Syntax errors in policy.';
export const VERSION_REQUIRED = 'Policy document must be version 2012-10-17 or greater.';
export const LEGACY_PARSING = 'The policy failed legacy parsing';
export const DUPLICATE_SIDS = 'Statement IDs (SID) in a single policy must be unique.';
export const MISSING_ACTIONS = 'Policy statement must contain actions.';
export const MISSING_RESOURCES = 'Policy statement must contain resources.';
export const MISSING_VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
export const ONE_COLON = 'Actions/Condition can contain only one colon.';
/** CreateRole / UpdateAssumeRolePolicy with a trust policy that is not JSON. */
export const INVALID_JSON = 'This policy contains invalid Json';

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const ALLOWED_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;
const VENDOR_CHARACTERS = /^[A-Za-z0-9.-]*$/;
/** Resource types of IAM ARNs, as AWS lists them in its message. */
const IAM_RESOURCE_PREFIXES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];
const IAM_PATH_MESSAGE = `IAM resource path must either be "*" or start with ${IAM_RESOURCE_PREFIXES.join(', ')}.`;
const MAX_EPOCH = 9223372036854775807n;

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or (as AWS reads unquoted scalars) a number or boolean as its text. */
function isScalar(value: Json): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isStringOrStrings(value: Json): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function asList(value: Json): string[] {
  return typeof value === 'string' ? [value] : (value as string[]);
}

// ---------------------------------------------------------------------------------------------------------
// 1. Syntax: JSON of the right shape.

function conditionSyntaxOk(condition: Json): boolean {
  if (!isObject(condition)) return false;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) return false;
    for (const values of Object.values(block)) {
      if (Array.isArray(values) ? !values.every(isScalar) : !isScalar(values)) return false;
    }
    // An unknown operator is accepted only with an empty block (it then says nothing).
    if (parseOperator(operator) === undefined && Object.keys(block).length > 0) return false;
  }
  return true;
}

function principalSyntaxOk(principal: Json): boolean {
  if (typeof principal === 'string') return true;
  if (!isObject(principal)) return false;
  return Object.values(principal).every(isStringOrStrings);
}

function statementSyntaxOk(statement: Json): boolean {
  if (!isObject(statement)) return false;
  for (const key of Object.keys(statement)) if (!STATEMENT_KEYS.has(key)) return false;
  if ('Resource' in statement && 'NotResource' in statement) return false;
  if ('Action' in statement && 'NotAction' in statement) return false;
  if ('Principal' in statement && 'NotPrincipal' in statement) return false;
  const effect = statement.Effect;
  if (typeof effect !== 'string' || (effect.toLowerCase() !== 'allow' && effect.toLowerCase() !== 'deny')) return false;
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (key in statement && !isStringOrStrings(statement[key])) return false;
  }
  for (const key of ['Principal', 'NotPrincipal']) if (key in statement && !principalSyntaxOk(statement[key])) return false;
  if ('Condition' in statement && !conditionSyntaxOk(statement.Condition)) return false;
  if ('Sid' in statement && typeof statement.Sid !== 'string') return false;
  return true;
}

/** The statements of a syntactically valid document, or undefined. */
function syntaxCheckedStatements(document: Json): JsonObject[] | undefined {
  if (!isObject(document)) return undefined;
  for (const key of Object.keys(document)) if (!TOP_LEVEL.has(key)) return undefined;
  if ('Version' in document && document.Version !== '2008-10-17' && document.Version !== '2012-10-17') return undefined;
  if ('Id' in document && typeof document.Id !== 'string') return undefined;
  const statement = document.Statement;
  const statements = Array.isArray(statement) ? statement : isObject(statement) ? [statement] : undefined;
  if (!statements || statements.length === 0) return undefined;
  return statements.every(statementSyntaxOk) ? (statements as JsonObject[]) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// 3. Legacy parsing: Effect's letter case, Date* values, resources with '::'.

function integerIn(text: string, min: number, max: number): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const n = Number(text);
  return n >= min && n <= max;
}

/** An ISO-8601 date-time as IAM's legacy parser reads it (lower-cased text). */
function legacyIsoDateOk(text: string): boolean {
  const t = text.indexOf('t');
  const datePart = t < 0 ? text : text.slice(0, t);
  const timePart = t < 0 ? '' : text.slice(t + 1);
  const negative = datePart.startsWith('-');
  const dateParts = (negative ? datePart.slice(1) : datePart).split('-');
  const year = negative ? `-${dateParts[0]}` : dateParts[0];
  if (!integerIn(year, -292275054, 292278993)) return false;
  if (dateParts.length > 1 && !integerIn(dateParts[1], 1, 12)) return false;
  if (dateParts.length > 2 && !integerIn(dateParts[2], 1, 31)) return false;
  if (dateParts.length > 3) return false;
  const timeParts = timePart.split(':');
  if (timeParts[0] !== '' && !integerIn(timeParts[0], 0, 23)) return false;
  if (timeParts.length > 1 && !integerIn(timeParts[1], 0, 59)) return false;
  if (timeParts.length > 2) {
    let seconds = timeParts.slice(2).join(':');
    if (seconds.includes('z')) {
      const [before, after] = [seconds.slice(0, seconds.indexOf('z')), seconds.slice(seconds.indexOf('z') + 1)];
      if (after !== '') return false;
      seconds = before;
    } else if (seconds.includes('+')) {
      const zone = seconds.slice(seconds.indexOf('+') + 1);
      seconds = seconds.slice(0, seconds.indexOf('+'));
      const colon = zone.indexOf(':');
      const hours = colon < 0 ? zone : zone.slice(0, colon);
      if (hours.length !== 2 || !integerIn(hours, 0, 23)) return false;
      if (colon >= 0) {
        const minutes = zone.slice(colon + 1);
        if (minutes.length !== 2 || !integerIn(minutes, 0, 59)) return false;
      }
    }
    const dot = seconds.indexOf('.');
    const whole = dot < 0 ? seconds : seconds.slice(0, dot);
    if (!integerIn(whole, 0, 59)) return false;
    if (dot >= 0 && !integerIn(seconds.slice(dot + 1), 0, 999999999)) return false;
  }
  return true;
}

/** A Date* condition value: ISO-8601 (when it has a 't' or '-') or epoch seconds in 0…2^63-1. */
export function legacyDateValueOk(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower.includes('t') || lower.includes('-')) return legacyIsoDateOk(lower);
  if (!/^[+]?\d+$/.test(lower)) return false;
  return BigInt(lower) <= MAX_EPOCH;
}

function legacyStatementOk(statement: JsonObject): boolean {
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return false;
  if (!isObject(statement.Condition)) return true;
  for (const [operator, block] of Object.entries(statement.Condition)) {
    if (parseOperator(operator)?.family !== 'Date') continue;
    for (const values of Object.values(block as JsonObject)) {
      for (const value of Array.isArray(values) ? values : [values]) if (!legacyDateValueOk(String(value))) return false;
    }
  }
  return true;
}

function legacyResourceOk(resource: string): boolean {
  if (resource === '*') return true;
  const colons = resource.split(':').length - 1;
  if (colons < 5 && resource.includes('::')) return false;
  const service = resource.split(':')[2];
  return service !== undefined && service !== '';
}

/** Whether the resource part of an IAM ARN names an IAM resource type (wildcards and variables may stand for one). */
function iamResourcePathOk(path: string): boolean {
  if (path === '*' || path === 'root') return true;
  if (IAM_RESOURCE_PREFIXES.some((prefix) => path.startsWith(prefix))) return true;
  const open = path.search(/[*?$]/);
  if (open < 0) return false;
  const literal = path.slice(0, open);
  return IAM_RESOURCE_PREFIXES.some((prefix) => prefix.startsWith(literal));
}

/** The resource-format message AWS gives for one Resource/NotResource value, or undefined. */
export function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const first = resource.indexOf(':');
  if (first < 0) return `Resource ${resource} must be in ARN format or "*".`;
  const afterArn = resource.slice(first + 1);
  const second = afterArn.indexOf(':');
  const partition = second < 0 ? afterArn : afterArn.slice(0, second);
  if (partition !== 'aws' && partition !== '*') {
    // AWS names the resource with its first component rewritten to "arn" and missing parts padded with "*".
    const remaining = (second < 0 ? '' : afterArn.slice(second + 1)).split(':');
    const service = remaining[0] !== '' || remaining.length > 1 ? remaining[0] : '*';
    const region = remaining.length > 1 ? remaining[1] : '*';
    const account = remaining.length > 2 ? remaining[2] : '*';
    const rest = remaining.length > 3 ? remaining.slice(3).join(':') : '*';
    return `Partition "${partition}" is not valid for resource "arn:${partition}:${service}:${region}:${account}:${rest}".`;
  }
  if (second < 0) return 'Resource vendor must be fully qualified and cannot contain regexes.';
  const afterPartition = afterArn.slice(second + 1);
  const third = afterPartition.indexOf(':');
  const service = third < 0 ? afterPartition : afterPartition.slice(0, third);
  const afterService = third < 0 ? '' : afterPartition.slice(third);
  const [, , account = '', ...restParts] = afterService.split(':');
  const rest = restParts.join(':');
  if (service === 'iam' && !afterService.startsWith('::')) {
    return `IAM resource ${resource} cannot contain region information.`;
  }
  // S3's regional resources (access points, jobs, Storage Lens...) carry an account; buckets and objects never do.
  if (service === 's3' && !afterService.startsWith('::') && !rest.startsWith('accesspoint/') && account === '') {
    return `Resource ${resource} can not contain region information.`;
  }
  if (service === 'iam' && !iamResourcePathOk(rest)) return IAM_PATH_MESSAGE;
  return undefined;
}

/**
 * Resource formats, as IAM's legacy stage reads them: statements in order, Resource before NotResource, a
 * list's values in descending order; the last format error is the one reported (after the existence
 * checks). Legacy parsing of a statement's resources runs only while no format error has been met.
 */
function checkResourceFormats(statements: JsonObject[]): { legacyFailed: boolean; formatError?: string } {
  let formatError: string | undefined;
  for (const key of ['Resource', 'NotResource']) {
    for (const statement of statements) {
      if (!(key in statement)) continue;
      const values = typeof statement[key] === 'string' ? [statement[key] as string] : [...(statement[key] as string[])].sort().reverse();
      for (const value of values) formatError = resourceFormatError(value) ?? formatError;
      if (formatError === undefined && !values.every(legacyResourceOk)) return { legacyFailed: true };
    }
  }
  return { legacyFailed: false, formatError };
}

// ---------------------------------------------------------------------------------------------------------
// 8. Actions.

function actionFormatError(action: string): string | undefined {
  const parts = action.split(':');
  if (parts.length === 1 && parts[0] !== '*') return MISSING_VENDOR;
  if (parts.length > 2) return ONE_COLON;
  if (parts[0] !== '*' && !VENDOR_CHARACTERS.test(parts[0])) return `Vendor ${parts[0]} is not valid`;
  return undefined;
}

/** Findings of validatePolicy that IAM rejects for the policy's type, as IAM words them. */
const TYPE_MESSAGES: Record<string, (message: string) => string> = {
  PRINCIPAL_NOT_ALLOWED: () => 'Policy document should not specify a principal.',
  MISSING_PRINCIPAL: () => 'Missing required field Principal',
  INVALID_PRINCIPAL: (m) => (m.startsWith('Invalid principal in policy') ? m : 'Invalid principal in policy'),
  RESOURCE_NOT_ALLOWED: (m) => (m.includes('NotResource') ? 'Has prohibited field NotResource' : 'Has prohibited field Resource'),
};
const INVALID_SID = 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*';
const TRUST_ACTION = 'AssumeRole policy may only specify STS AssumeRole actions.';

/**
 * The message of IAM's MalformedPolicyDocument error for this document, or undefined when IAM accepts it.
 * AWS's order: syntax → version (identity policies) → legacy parsing → SID uniqueness → actions present →
 * resources present → resource format → action format. Invariant: a document accepted here compiles
 * (`compilePolicy` does not throw), so nothing stored can be ignored by the evaluator.
 */
export function malformedPolicyMessage(text: string, policyType: PolicyType): string | undefined {
  if (typeof text !== 'string') return policyType === 'trust' ? INVALID_JSON : SYNTAX_ERRORS;
  let document: Json;
  try {
    document = JSON.parse(text);
  } catch {
    return policyType === 'trust' ? INVALID_JSON : SYNTAX_ERRORS;
  }
  // What JSON.parse read stands for the text (no second scan of it) unless it cannot say all the text does.
  const parsed = parsePolicyWithoutPositions(text, document) ?? parsePolicy(text);
  if (!ALLOWED_CHARACTERS.test(text)) return SYNTAX_ERRORS;
  // JSON.parse keeps the last of repeated names; IAM does not accept them.
  if (parsed.findings.some((f) => f.code === 'JSON_SYNTAX_ERROR' || (f.code === 'DUPLICATE_ELEMENT' && f.severity === 'error')))
    return SYNTAX_ERRORS;
  const statements = syntaxCheckedStatements(document);
  if (!statements) return SYNTAX_ERRORS;
  if (policyType === 'identity' && (document as JsonObject).Version !== '2012-10-17') return VERSION_REQUIRED;
  if (!statements.every(legacyStatementOk)) return LEGACY_PARSING;
  const resources = checkResourceFormats(statements);
  if (resources.legacyFailed) return LEGACY_PARSING;

  // One parse and one compile serve every check below (validation compiles what parsed without error).
  const checked = validateParsedPolicy(parsed, { policyType });
  if (checked.compileError !== undefined && !(checked.compileError instanceof PolicyParseError)) throw checked.compileError;
  const findings = checked.findings;
  const typeFinding =
    findings.find((f) => f.severity === 'error' && f.code === 'PRINCIPAL_NOT_ALLOWED') ??
    findings.find((f) => f.severity === 'error' && TYPE_MESSAGES[f.code] !== undefined);
  if (typeFinding) return TYPE_MESSAGES[typeFinding.code](typeFinding.message);

  const sids = new Set<string>();
  for (const statement of statements) {
    const sid = statement.Sid as string | undefined;
    if (!sid) continue;
    if (sids.has(sid)) return DUPLICATE_SIDS;
    sids.add(sid);
  }
  if (findings.some((f) => f.severity === 'error' && f.code === 'INVALID_SID')) return INVALID_SID;
  for (const statement of statements) {
    const actions = statement.Action ?? statement.NotAction;
    if (actions === undefined || (Array.isArray(actions) && actions.length === 0)) return MISSING_ACTIONS;
  }
  if (policyType !== 'trust') {
    for (const statement of statements) {
      const list = statement.Resource ?? statement.NotResource;
      if (list === undefined || (Array.isArray(list) && list.length === 0)) return MISSING_RESOURCES;
    }
  }
  if (resources.formatError !== undefined) return resources.formatError;
  for (const key of ['Action', 'NotAction']) {
    for (const statement of statements) {
      if (!(key in statement)) continue;
      for (const action of asList(statement[key])) {
        const error = actionFormatError(action);
        if (error) return error;
      }
    }
  }
  if (findings.some((f) => f.severity === 'error' && f.code === 'INVALID_TRUST_ACTION')) return TRUST_ACTION;
  // Defence in depth: whatever the evaluator could not compile is refused, never stored.
  if (parsed.findings.some((f) => f.severity === 'error')) return SYNTAX_ERRORS;
  // Whatever the evaluator cannot compile is refused, never stored (compiled once, in validation).
  if (checked.compileError !== undefined || checked.compiled === undefined) return SYNTAX_ERRORS;
  return undefined;
}
