// ValidatePolicy's findings: lib/policy's validation findings in IAM Access Analyzer's vocabulary (issue codes, finding
// types, learn-more links, locations with 0-based columns), plus the checks AWS makes that only matter here. Pure, so the
// console's policy editor shows exactly what the API (lib/analyzer/validate-policy.ts) answers.
import {
  parsePolicy,
  validatePolicy,
  type ActionCatalog,
  type Finding,
  type ParsedPolicy,
  type ParsedStatement,
  type PolicyType,
  type SourceRange,
} from './index';

export type AnalyzerPolicyType = 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

/** A position as Access Analyzer reports it: line 1-based, column and offset 0-based. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export type PathElement = { index: number } | { key: string } | { value: string } | { substring: { start: number; length: number } };

export interface Location {
  path: PathElement[];
  span: { start: Position; end: Position };
}

export interface ValidatePolicyFinding {
  findingDetails: string;
  findingType: FindingType;
  issueCode: string;
  learnMoreLink: string;
  locations: Location[];
}

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';
const TYPE_ANCHOR: Record<FindingType, string> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security-warning',
  WARNING: 'general-warning',
  SUGGESTION: 'suggestion',
};

/** The link of an AWS check: its section of the IAM User Guide's policy validation check reference. */
export function learnMoreLink(issueCode: string, findingType: FindingType): string {
  return `${REFERENCE}#access-analyzer-reference-policy-checks-${TYPE_ANCHOR[findingType]}-${issueCode.toLowerCase().replace(/_/g, '-')}`;
}

/** Checks Gatehouse makes that AWS does not; their links point at the part of the IAM User Guide they are about. */
const GATEHOUSE_CHECKS: Record<string, string> = {
  ALLOW_WITH_NOT_ACTION: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  ALLOW_WITH_NOT_RESOURCE: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
  FULL_ADMIN_ACCESS: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  PUBLIC_ACCESS: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous',
  FOR_ALL_VALUES_WITH_ALLOW:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  NEGATED_IF_EXISTS_WITH_ALLOW:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
  SET_OPERATOR_ON_SINGLE_VALUED_KEY:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  POLICY_VARIABLE_IN_LEGACY_VERSION: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  INVALID_CHARACTER: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length',
};

const EMPTY_ARRAY_CODES: Record<string, string> = {
  Action: 'EMPTY_ARRAY_ACTION',
  NotAction: 'EMPTY_ARRAY_NOT_ACTION',
  Resource: 'EMPTY_ARRAY_RESOURCE',
  NotResource: 'EMPTY_ARRAY_NOT_RESOURCE',
  Principal: 'EMPTY_ARRAY_PRINCIPAL',
  NotPrincipal: 'EMPTY_ARRAY_PRINCIPAL',
  Condition: 'EMPTY_ARRAY_CONDITION',
};

/**
 * The AWS issue code and finding type of a lib/policy finding; undefined drops it (AWS reports it differently
 * in this analyzer, e.g. the condition-key check, which is redone here per action).
 */
function awsIssue(finding: Finding, analyzerType: AnalyzerPolicyType): { issueCode: string; findingType: FindingType } | undefined {
  const is = (issueCode: string, findingType: FindingType) => ({ issueCode, findingType });
  switch (finding.code) {
    case 'JSON_SYNTAX_ERROR':
    case 'DUPLICATE_ELEMENT':
      return is('JSON_SYNTAX_ERROR', 'ERROR');
    case 'UNKNOWN_ELEMENT':
      return is('INVALID_POLICY_ELEMENT', 'ERROR');
    case 'INVALID_ELEMENT_TYPE':
      return is('DATA_TYPE_MISMATCH', 'ERROR');
    case 'EMPTY_ELEMENT': {
      const element = String(finding.path?.[finding.path.length - 1] ?? '');
      return is(EMPTY_ARRAY_CODES[element] ?? 'DATA_TYPE_MISMATCH', EMPTY_ARRAY_CODES[element] ? 'SUGGESTION' : 'ERROR');
    }
    case 'EMPTY_STATEMENT':
    case 'MISSING_STATEMENT':
      return is('MISSING_STATEMENT', 'ERROR');
    case 'INVALID_VERSION':
      return is('INVALID_VERSION', 'ERROR');
    case 'MISSING_VERSION':
      return is('MISSING_VERSION', 'WARNING');
    case 'MISSING_EFFECT':
    case 'INVALID_EFFECT':
    case 'MISSING_ACTION':
    case 'MISSING_PRINCIPAL':
    case 'INVALID_ACTION':
      return is(finding.code, 'ERROR');
    case 'MISSING_RESOURCE':
      // A resource policy of unknown type may be a role trust policy, which has no Resource.
      return analyzerType === 'RESOURCE_POLICY' ? undefined : is('MISSING_RESOURCE', 'ERROR');
    case 'ACTION_AND_NOT_ACTION':
    case 'RESOURCE_AND_NOT_RESOURCE':
    case 'PRINCIPAL_AND_NOT_PRINCIPAL':
      return is('UNSUPPORTED_ELEMENT_COMBINATION', 'ERROR');
    case 'PRINCIPAL_NOT_ALLOWED':
      return analyzerType === 'SERVICE_CONTROL_POLICY' ? is('SCP_SYNTAX_ERROR_PRINCIPAL', 'ERROR') : is('UNSUPPORTED_PRINCIPAL', 'ERROR');
    case 'RESOURCE_NOT_ALLOWED':
      return is('UNSUPPORTED_RESOURCE_ARN_IN_POLICY', 'ERROR');
    case 'INVALID_TRUST_ACTION':
      return is('UNSUPPORTED_ACTION_IN_POLICY', 'ERROR');
    case 'UNKNOWN_SERVICE':
      return is('INVALID_SERVICE', 'ERROR');
    case 'UNKNOWN_ACTION':
      return is('INVALID_ACTION', 'ERROR');
    case 'INVALID_ARN':
      if (finding.message.startsWith('Partition')) return is('INVALID_PARTITION', 'ERROR');
      if (finding.message.includes('has no service')) return is('MISSING_ARN_FIELD', 'ERROR');
      return is('INVALID_ARN_PREFIX', 'ERROR');
    case 'INVALID_CONDITION_KEY':
      return is('INVALID_CONDITION_KEY_FORMAT', 'ERROR');
    case 'UNKNOWN_OPERATOR':
      return is('INVALID_CONDITION_OPERATOR', 'ERROR');
    case 'UNKNOWN_GLOBAL_CONDITION_KEY':
      return is('INVALID_GLOBAL_CONDITION_KEY', 'ERROR');
    case 'INVALID_CONDITION_VALUE':
      return is('INVALID_CONDITION_DATA_TYPE', 'ERROR');
    case 'DUPLICATE_SID':
      return is('UNIQUE_SID_REQUIRED', 'ERROR');
    case 'INVALID_SID':
      return is('UNSUPPORTED_SID', 'ERROR');
    case 'INVALID_PRINCIPAL':
      if (finding.message.startsWith('Invalid principal type')) return is('INVALID_PRINCIPAL_KEY', 'ERROR');
      if (finding.message.includes('"Service"')) return is('INVALID_SERVICE_PRINCIPAL_FORMAT', 'ERROR');
      return is('INVALID_PRINCIPAL_FORMAT', 'ERROR');
    case 'ALLOW_WITH_NOT_PRINCIPAL':
      return is('ALLOW_WITH_NOT_PRINCIPAL', 'SECURITY_WARNING');
    case 'PASS_ROLE_WITH_STAR_IN_RESOURCE':
      return is('PASS_ROLE_WITH_STAR_IN_RESOURCE', 'SECURITY_WARNING');
    case 'REDUNDANT_ACTION':
    case 'REDUNDANT_RESOURCE':
      return is(finding.code, 'SUGGESTION');
    case 'CONDITION_KEY_NOT_VALID_FOR_ACTION':
      return undefined;
    default: {
      const type: FindingType =
        finding.severity === 'error'
          ? 'ERROR'
          : finding.severity === 'security_warning'
            ? 'SECURITY_WARNING'
            : finding.severity === 'warning'
              ? 'WARNING'
              : 'SUGGESTION';
      return is(finding.code, type);
    }
  }
}

/** Access Analyzer's location of a lib/policy range and path (columns 0-based; keys as `value`, as AWS writes them). */
export function locationOf(path: (string | number)[] | undefined, range: SourceRange | undefined, text: string): Location {
  const span = range
    ? { start: toPosition(range.start), end: toPosition(range.end) }
    : { start: { line: 1, column: 0, offset: 0 }, end: endOf(text) };
  return { path: (path ?? []).map((p) => (typeof p === 'number' ? { index: p } : { value: p })), span };
}

function toPosition(position: SourceRange['start']): Position {
  return { line: position.line, column: position.column - 1, offset: position.offset };
}

function endOf(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length, offset: text.length };
}

function internalPolicyType(policyType: AnalyzerPolicyType, resourceType: string | undefined): PolicyType {
  if (policyType === 'IDENTITY_POLICY') return 'identity';
  if (policyType === 'SERVICE_CONTROL_POLICY') return 'scp';
  if (resourceType === 'AWS::IAM::AssumeRolePolicyDocument') return 'trust';
  return 'resource';
}

/** Federated principals that are OpenID Connect identity providers (used with AssumeRoleWithWebIdentity). */
function isOidcProvider(value: string): boolean {
  return (
    /^(cognito-identity\.amazonaws\.com|accounts\.google\.com|graph\.facebook\.com|www\.amazon\.com)$/.test(value) ||
    /:oidc-provider\//.test(value)
  );
}

function isSamlProvider(value: string): boolean {
  return /:saml-provider\//.test(value);
}

interface Context {
  text: string;
  parsed: ParsedPolicy;
  analyzerType: AnalyzerPolicyType;
  catalog?: ActionCatalog;
  out: ValidatePolicyFinding[];
}

function add(ctx: Context, issueCode: string, findingType: FindingType, findingDetails: string, locations: Location[]): void {
  ctx.out.push({ findingDetails, findingType, issueCode, learnMoreLink: learnMoreLink(issueCode, findingType), locations });
}

/** Empty Sid, principal/action mismatches of trust statements, per-action condition keys, SCP grammar. */
function checkStatement(ctx: Context, statement: ParsedStatement): void {
  const { text } = ctx;
  if (statement.sid && statement.sid.value === '') {
    add(ctx, 'EMPTY_SID_VALUE', 'SUGGESTION', 'Add a value to the empty string in the Sid element.', [
      locationOf(statement.sid.path, statement.sid.range, text),
    ]);
  }
  const actions = statement.action?.values ?? [];
  if (ctx.analyzerType === 'RESOURCE_POLICY' && statement.principal) {
    for (const entry of statement.principal.entries) {
      for (const principal of entry.values) {
        for (const action of actions) {
          const name = action.value.toLowerCase();
          let mismatch = false;
          if (entry.type === 'Federated' && isOidcProvider(principal.value))
            mismatch = name === 'sts:assumerole' || name === 'sts:assumerolewithsaml';
          else if (entry.type === 'Federated' && isSamlProvider(principal.value))
            mismatch = name === 'sts:assumerole' || name === 'sts:assumerolewithwebidentity';
          else if (entry.type === 'AWS' || entry.type === 'Service')
            mismatch = name === 'sts:assumerolewithsaml' || name === 'sts:assumerolewithwebidentity';
          if (!mismatch) continue;
          add(
            ctx,
            'MISMATCHED_ACTION_FOR_PRINCIPAL',
            'ERROR',
            `The ${action.value} action is invalid with the following principal(s): ${principal.value}. Use a SAML provider principal with the sts:AssumeRoleWithSAML action or use an OIDC provider principal with the sts:AssumeRoleWithWebIdentity action. Ensure the provider is Federated if you use either of the two options.`,
            [locationOf(action.path, action.range, text), locationOf(principal.path, principal.range, text)],
          );
        }
      }
    }
  }
  if (ctx.catalog) {
    for (const condition of statement.conditions ?? []) {
      const keyLower = condition.key.toLowerCase();
      if (keyLower.startsWith('aws:') || !keyLower.includes(':')) continue;
      const unsupported = actions.filter((action) => {
        if (action.value === '*' || /[*?]/.test(action.value) || !action.value.includes(':')) return false;
        const [service, name] = action.value.split(':');
        const info = ctx.catalog!.getAction(service, name);
        if (!info) return false;
        return !info.conditionKeys.some((k) => {
          const lower = k.toLowerCase();
          const template = lower.match(/^(.*?\/)(\$\{.*\}|<.*>)$/);
          return template ? keyLower.startsWith(template[1]) : lower === keyLower;
        });
      });
      if (unsupported.length === 0) continue;
      const values = condition.values;
      const valueRange = values.length ? { start: values[0].range.start, end: values[values.length - 1].range.end } : condition.keyRange;
      add(
        ctx,
        'UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
        'ERROR',
        `The following actions: ${unsupported.map((a) => a.value).join(', ')} are not supported by the condition key ${condition.key}. The condition will not be evaluated for these actions. We recommend that you move these actions to a different statement without this condition key.`,
        [...unsupported.map((a) => locationOf(a.path, a.range, text)), locationOf(condition.path, valueRange, text)],
      );
    }
  }
  if (ctx.analyzerType === 'SERVICE_CONTROL_POLICY') checkScpStatement(ctx, statement);
}

/** The SCP grammar (AWS Organizations): what an SCP statement may not contain. */
function checkScpStatement(ctx: Context, statement: ParsedStatement): void {
  const { text } = ctx;
  const isAllow = statement.effect?.value === 'Allow';
  if (isAllow && statement.conditions?.length) {
    add(ctx, 'SCP_SYNTAX_ERROR_ALLOW_CONDITION', 'ERROR', 'SCPs do not support the Condition element with effect Allow.', [
      locationOf([...statement.path, 'Condition'], statement.conditionRange, text),
    ]);
  }
  if (isAllow && statement.notAction) {
    add(ctx, 'SCP_SYNTAX_ERROR_ALLOW_NOTACTION', 'ERROR', 'SCPs do not support NotAction with effect Allow.', [
      locationOf(statement.notAction.path, statement.notAction.range, text),
    ]);
  }
  if (isAllow && statement.resource) {
    for (const resource of statement.resource.values) {
      if (resource.value !== '*') {
        add(ctx, 'SCP_SYNTAX_ERROR_ALLOW_RESOURCE', 'ERROR', 'SCPs do not support specifying resources with effect Allow; use "*".', [
          locationOf(resource.path, resource.range, text),
        ]);
      }
    }
  }
  if (statement.notResource) {
    add(ctx, 'SCP_SYNTAX_ERROR_NOTRESOURCE', 'ERROR', 'SCPs do not support the NotResource element.', [
      locationOf(statement.notResource.path, statement.notResource.range, text),
    ]);
  }
  for (const action of (statement.action ?? statement.notAction)?.values ?? []) {
    const name = action.value.includes(':') ? action.value.slice(action.value.indexOf(':') + 1) : '';
    const wildcard = name.search(/[*?]/);
    if (wildcard >= 0 && (wildcard !== name.length - 1 || name[wildcard] === '?')) {
      add(ctx, 'SCP_SYNTAX_ERROR_ACTION_WILDCARD', 'ERROR', 'SCPs support a wildcard (*) only at the end of an action name.', [
        locationOf(action.path, action.range, text),
      ]);
    }
  }
}

/**
 * All findings of a policy document, in document order, as IAM Access Analyzer's ValidatePolicy reports them
 * (the API checks its request fields first: lib/analyzer/validate-policy.ts).
 */
export function analyzerFindings(
  text: string,
  policyType: AnalyzerPolicyType,
  options: { validatePolicyResourceType?: string; catalog?: ActionCatalog } = {},
): ValidatePolicyFinding[] {
  const internal = internalPolicyType(policyType, options.validatePolicyResourceType);
  const ctx: Context = { text, parsed: parsePolicy(text), analyzerType: policyType, catalog: options.catalog, out: [] };
  for (const finding of validatePolicy(text, { policyType: internal, catalog: options.catalog })) {
    const issue = awsIssue(finding, policyType);
    if (!issue) continue;
    const link = GATEHOUSE_CHECKS[issue.issueCode] ?? learnMoreLink(issue.issueCode, issue.findingType);
    ctx.out.push({
      findingDetails: finding.message,
      findingType: issue.findingType,
      issueCode: issue.issueCode,
      learnMoreLink: link,
      locations: [locationOf(finding.path, finding.range, text)],
    });
  }
  if (ctx.parsed.isJson) for (const statement of ctx.parsed.statements) checkStatement(ctx, statement);
  return ctx.out.sort((a, b) => (a.locations[0]?.span.start.offset ?? 0) - (b.locations[0]?.span.start.offset ?? 0));
}
