// Validate stage: findings in Access Analyzer's categories (IAM's own MalformedPolicyDocument checks are in malformed.ts).

import { compileParsedPolicy } from './compile';
import { parseOperator } from './operators';
import { parsePolicy } from './parse';
import type { CompiledPolicy, Finding, ParsedPolicy, ParsedStatement, ParsedValue, PolicyType } from './types';
import { parseTemplate } from './variables';
import { resourceFormatError } from './malformed';

/** An action as the catalogue describes it. */
export interface CatalogAction {
  /** The action name as AWS spells it, e.g. 'GetUser'. */
  name: string;
  /** Resource types the action accepts (empty: only '*'). */
  resourceTypes: string[];
  /** Service-specific condition keys the action supports (global aws:* keys are always allowed). */
  conditionKeys: string[];
}

/**
 * The service/action catalogue used to check actions and condition keys. Injected so that lib/policy stays
 * pure and the (large) data package can be loaded per service by the caller.
 */
export interface ActionCatalog {
  hasService(service: string): boolean;
  getAction(service: string, action: string): CatalogAction | undefined;
  /** All action names of a service, to check that a wildcard matches something (optional). */
  listActions?(service: string): string[];
}

/** Builds an in-memory catalogue from `{ service: { Action: { resourceTypes, conditionKeys } } }` (names ignore case). */
export function createStaticCatalog(
  data: Record<string, Record<string, { resourceTypes?: string[]; conditionKeys?: string[] }>>,
): ActionCatalog {
  const services = new Map<string, Map<string, CatalogAction>>();
  for (const [service, actions] of Object.entries(data)) {
    const map = new Map<string, CatalogAction>();
    for (const [name, info] of Object.entries(actions)) {
      map.set(name.toLowerCase(), { name, resourceTypes: info.resourceTypes ?? [], conditionKeys: info.conditionKeys ?? [] });
    }
    services.set(service.toLowerCase(), map);
  }
  return {
    hasService: (service) => services.has(service.toLowerCase()),
    getAction: (service, action) => services.get(service.toLowerCase())?.get(action.toLowerCase()),
    listActions: (service) => [...(services.get(service.toLowerCase())?.values() ?? [])].map((a) => a.name),
  };
}

/** Global condition keys (AWS global condition context keys); tag-style keys are matched by prefix. */
const GLOBAL_KEYS = new Set(
  [
    'aws:CalledVia',
    'aws:CalledViaFirst',
    'aws:CalledViaLast',
    'aws:CurrentTime',
    'aws:EpochTime',
    'aws:FederatedProvider',
    'aws:MultiFactorAuthAge',
    'aws:MultiFactorAuthPresent',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalIsAWSService',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalServiceName',
    'aws:PrincipalServiceNamesList',
    'aws:PrincipalType',
    'aws:RequestedRegion',
    'aws:ResourceAccount',
    'aws:ResourceOrgID',
    'aws:ResourceOrgPaths',
    'aws:SecureTransport',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceIdentity',
    'aws:SourceIp',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:TagKeys',
    'aws:TokenIssueTime',
    'aws:UserAgent',
    'aws:userid',
    'aws:username',
    'aws:ViaAWSService',
    'aws:VpcSourceIp',
    'aws:Referer',
    'aws:EC2InstanceSourceVPC',
    'aws:EC2InstanceSourcePrivateIPv4',
    'aws:SourceVpcArn',
    'aws:VpceAccount',
    'aws:VpceOrgID',
    'aws:VpceOrgPaths',
    'aws:AssumedRoot',
    'aws:ChatbotSourceArn',
    'aws:Ec2InstanceSourcePrivateIPv4',
    'aws:IsMcpServiceAction',
    'aws:ViaAWSMCPService',
    'aws:CalledViaAWSMCP',
  ].map((k) => k.toLowerCase()),
);
const GLOBAL_KEY_PREFIXES = ['aws:principaltag/', 'aws:resourcetag/', 'aws:requesttag/'];
/** Global keys that can hold several values (ForAllValues/ForAnyValue make sense only on these). */
const MULTIVALUED_GLOBAL_KEYS = new Set(
  [
    'aws:CalledVia',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalServiceNamesList',
    'aws:TagKeys',
    'aws:ResourceOrgPaths',
    'aws:SourceOrgPaths',
    'aws:VpceOrgPaths',
  ].map((k) => k.toLowerCase()),
);

const ACTION_FORMAT = /^[a-zA-Z0-9*?-]+:[a-zA-Z0-9*?]*$/;
const SID_FORMAT = /^[0-9A-Za-z]*$/;
const TRUST_ACTIONS =
  /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*|AssumeRole\*)$/i;
const ALLOWED_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;

/** Policy types that are attached to identities (no Principal element, Resource required). */
function isIdentityStyle(policyType: PolicyType): boolean {
  return policyType === 'identity' || policyType === 'boundary' || policyType === 'session' || policyType === 'scp';
}

function finding(
  severity: Finding['severity'],
  code: string,
  message: string,
  where?: { range?: Finding['range']; path?: Finding['path'] },
): Finding {
  const f: Finding = { severity, code, message };
  if (where?.range) f.range = where.range;
  if (where?.path) f.path = where.path;
  return f;
}

/**
 * Validates a policy document: every finding with its position, severities as IAM Access Analyzer uses
 * them. Errors are what IAM rejects (or what makes the policy unevaluable); security warnings flag overly
 * permissive grants; warnings flag likely mistakes; suggestions flag redundancy.
 */
export function validatePolicy(text: string, options?: { policyType?: PolicyType; catalog?: ActionCatalog }): Finding[] {
  const checked = validateParsedPolicy(parsePolicy(text), options);
  if (checked.compileError !== undefined) throw checked.compileError;
  return checked.findings;
}

/**
 * `validatePolicy` of a document already parsed, with the compiled policy it built along the way (when the
 * parse had no error) or the error compiling threw: IAM's write check (malformed.ts) parses and compiles once.
 */
export function validateParsedPolicy(
  parsed: ParsedPolicy,
  options?: { policyType?: PolicyType; catalog?: ActionCatalog },
): { findings: Finding[]; compiled?: CompiledPolicy; compileError?: unknown } {
  const policyType = options?.policyType ?? 'identity';
  const findings: Finding[] = [...parsed.findings];
  if (!ALLOWED_CHARACTERS.test(parsed.text)) {
    const offset = parsed.text.search(/[^\t\n\r\u0020-\u00ff]/);
    findings.push(
      finding(
        'error',
        'INVALID_CHARACTER',
        'Policy documents may contain only tab, line feed, carriage return and characters U+0020 to U+00FF.',
        {
          path: [],
          range: offset >= 0 ? rangeAt(parsed, offset) : undefined,
        },
      ),
    );
  }
  if (!parsed.isJson) return { findings };
  if (!parsed.version) {
    findings.push(
      finding(
        'warning',
        'MISSING_VERSION',
        'No Version: the policy defaults to "2008-10-17", where policy variables are not replaced. Add "Version": "2012-10-17".',
        {
          path: [],
        },
      ),
    );
  }
  const legacy = parsed.version?.value !== '2012-10-17';
  const sids = new Map<string, ParsedValue<string>>();
  for (const statement of parsed.statements) {
    checkStatement(statement, policyType, legacy, findings, options?.catalog);
    if (statement.sid) {
      const sid = statement.sid;
      if (sids.has(sid.value) && sid.value !== '') {
        findings.push(finding('error', 'DUPLICATE_SID', `Statement IDs (SID) in a single policy must be unique: "${sid.value}".`, sid));
      }
      sids.set(sid.value, sid);
      if (!SID_FORMAT.test(sid.value)) {
        findings.push(
          finding(
            isIdentityStyle(policyType) ? 'error' : 'warning',
            'INVALID_SID',
            `Statement IDs (SID) must be alpha-numeric: "${sid.value}".`,
            sid,
          ),
        );
      }
    }
  }
  // Condition values the operators cannot read (compile keeps them as unevaluable).
  let compiled: CompiledPolicy | undefined;
  if (!parsed.findings.some((f) => f.severity === 'error')) {
    try {
      compiled = compileParsedPolicy(parsed, policyType);
    } catch (error) {
      return { findings, compileError: error };
    }
    for (const statement of compiled.statements) {
      for (const condition of statement.conditions) {
        if (condition.family === 'Unknown') continue;
        for (const value of condition.values) {
          if (value.invalid) findings.push(finding('error', 'INVALID_CONDITION_VALUE', value.invalid, { range: value.range }));
        }
      }
    }
  }
  return { findings, compiled };
}

function rangeAt(parsed: ParsedPolicy, offset: number): Finding['range'] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (parsed.text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const position = { offset, line, column: offset - lineStart + 1 };
  return { start: position, end: { offset: offset + 1, line, column: position.column + 1 } };
}

function checkStatement(
  statement: ParsedStatement,
  policyType: PolicyType,
  legacy: boolean,
  findings: Finding[],
  catalog?: ActionCatalog,
): void {
  const where = { range: statement.range, path: statement.path };
  const label = `Statement ${statement.index}${statement.sid ? ` ("${statement.sid.value}")` : ''}`;
  const isAllow = statement.effect?.value === 'Allow';
  const principal = statement.principal ?? statement.notPrincipal;

  if (isIdentityStyle(policyType)) {
    if (principal) {
      findings.push(
        finding(
          'error',
          'PRINCIPAL_NOT_ALLOWED',
          `Policy document should not specify a principal (${label}): ${policyType} policies apply to the identity they are attached to.`,
          principal,
        ),
      );
    }
    if (!statement.resource && !statement.notResource) {
      findings.push(finding('error', 'MISSING_RESOURCE', `Policy statement must contain resources (${label}).`, where));
    }
  } else {
    if (!principal) findings.push(finding('error', 'MISSING_PRINCIPAL', `Missing required field Principal (${label}).`, where));
    if (policyType === 'trust') {
      const resource = statement.resource ?? statement.notResource;
      if (resource)
        findings.push(
          finding(
            'error',
            'RESOURCE_NOT_ALLOWED',
            `Has prohibited field ${statement.resource ? 'Resource' : 'NotResource'} (${label}): trust policies apply to their role.`,
            resource,
          ),
        );
      for (const action of (statement.action ?? statement.notAction)?.values ?? []) {
        if (action.value !== '*' && !TRUST_ACTIONS.test(action.value)) {
          findings.push(
            finding(
              'error',
              'INVALID_TRUST_ACTION',
              `AssumeRole policy may only specify STS AssumeRole actions: "${action.value}".`,
              action,
            ),
          );
        }
      }
    } else if (!statement.resource && !statement.notResource) {
      findings.push(finding('error', 'MISSING_RESOURCE', `Policy statement must contain resources (${label}).`, where));
    }
  }
  if (principal) checkPrincipal(principal, statement, isAllow, findings);

  if (isAllow && statement.notAction) {
    findings.push(
      finding(
        'security_warning',
        'ALLOW_WITH_NOT_ACTION',
        `${label} allows every action except those listed: NotAction with Allow grants more than intended, including actions AWS adds later.`,
        statement.notAction,
      ),
    );
  }
  if (isAllow && statement.notResource) {
    findings.push(
      finding(
        'security_warning',
        'ALLOW_WITH_NOT_RESOURCE',
        `${label} allows every resource except those listed: NotResource with Allow grants more than intended.`,
        statement.notResource,
      ),
    );
  }
  if (isAllow && statement.notPrincipal) {
    findings.push(
      finding(
        'security_warning',
        'ALLOW_WITH_NOT_PRINCIPAL',
        `${label} allows everyone except the principals listed (including anonymous users).`,
        statement.notPrincipal,
      ),
    );
  }

  const actions = (statement.action ?? statement.notAction)?.values ?? [];
  checkActions(actions, catalog, findings);
  const resources = (statement.resource ?? statement.notResource)?.values ?? [];
  checkResources(resources, legacy, findings);

  if (isAllow && statement.action && resources.some((r) => r.value === '*') && statement.resource) {
    const passRole = actions.find((a) => a.value === '*' || /^iam:(\*|PassRole|Pass\*|P\*)$/i.test(a.value));
    if (passRole) {
      findings.push(
        finding(
          'security_warning',
          'PASS_ROLE_WITH_STAR_IN_RESOURCE',
          `${label} allows iam:PassRole on every role ("Resource": "*"): the caller can hand any role, however privileged, to a service.`,
          passRole,
        ),
      );
    }
  }
  if (isAllow && statement.action && statement.resource && actions.some((a) => a.value === '*') && resources.some((r) => r.value === '*')) {
    findings.push(finding('security_warning', 'FULL_ADMIN_ACCESS', `${label} allows every action on every resource.`, where));
  }

  for (const condition of statement.conditions ?? []) {
    const info = parseOperator(condition.operator);
    const keyRange = { range: condition.keyRange, path: condition.path };
    if (!info) {
      findings.push(
        finding('error', 'UNKNOWN_OPERATOR', `Unknown condition operator "${condition.operator}".`, {
          range: condition.operatorRange,
          path: condition.path.slice(0, -1),
        }),
      );
      continue;
    }
    const keyLower = condition.key.toLowerCase();
    if (keyLower.startsWith('aws:') && !GLOBAL_KEYS.has(keyLower) && !GLOBAL_KEY_PREFIXES.some((p) => keyLower.startsWith(p))) {
      findings.push(finding('warning', 'UNKNOWN_GLOBAL_CONDITION_KEY', `"${condition.key}" is not an AWS global condition key.`, keyRange));
    }
    if (!keyLower.includes(':')) {
      findings.push(
        finding(
          'warning',
          'INVALID_CONDITION_KEY',
          `Condition key "${condition.key}" has no vendor prefix (e.g. "aws:" or "s3:"): no request carries such a key.`,
          keyRange,
        ),
      );
    }
    if (
      info.setOperator &&
      (GLOBAL_KEYS.has(keyLower) ||
        keyLower.startsWith('aws:principaltag/') ||
        keyLower.startsWith('aws:resourcetag/') ||
        keyLower.startsWith('aws:requesttag/')) &&
      !MULTIVALUED_GLOBAL_KEYS.has(keyLower)
    ) {
      findings.push(
        finding(
          'warning',
          'SET_OPERATOR_ON_SINGLE_VALUED_KEY',
          `${info.setOperator} is meant for multivalued keys; "${condition.key}" is single-valued.`,
          keyRange,
        ),
      );
    }
    if (info.setOperator === 'ForAllValues' && isAllow && !info.negated) {
      findings.push(
        finding(
          'security_warning',
          'FOR_ALL_VALUES_WITH_ALLOW',
          `ForAllValues is true when "${condition.key}" is absent from the request: this Allow also applies to requests without the key. Add a Null condition.`,
          keyRange,
        ),
      );
    }
    if (info.ifExists && isAllow && info.negated) {
      findings.push(
        finding(
          'warning',
          'NEGATED_IF_EXISTS_WITH_ALLOW',
          `${condition.operator} in an Allow is true whenever "${condition.key}" is absent.`,
          keyRange,
        ),
      );
    }
    if (legacy) {
      for (const value of condition.values) {
        if (parseTemplate(value.value)?.keys.length) {
          findings.push(
            finding(
              'warning',
              'POLICY_VARIABLE_IN_LEGACY_VERSION',
              `Policy variables are not replaced under Version 2008-10-17: "${value.value}" is compared literally.`,
              value,
            ),
          );
        }
      }
    }
    if (catalog && !keyLower.startsWith('aws:')) {
      checkConditionKeyForActions(condition.key, actions, catalog, findings, keyRange);
    }
  }
}

function checkPrincipal(
  principal: NonNullable<ParsedStatement['principal']>,
  statement: ParsedStatement,
  isAllow: boolean,
  findings: Finding[],
): void {
  for (const entry of principal.entries) {
    if (!['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(entry.type)) {
      findings.push(
        finding('error', 'INVALID_PRINCIPAL', `Invalid principal type "${entry.type}": use AWS, Service, Federated or CanonicalUser.`, {
          range: entry.typeRange,
          path: [...principal.path, entry.type],
        }),
      );
      continue;
    }
    for (const value of entry.values) {
      const v = value.value;
      if (entry.type === 'AWS') {
        const valid = v === '*' || /^\d{12}$/.test(v) || /^arn:[a-z-]+:(iam|sts)::\d{12}:[^*?]+$/.test(v) || /^[A-Z0-9]{21}$/.test(v);
        if (!valid) findings.push(finding('error', 'INVALID_PRINCIPAL', `Invalid principal in policy: "AWS":"${v}"`, value));
      } else if (entry.type === 'Service') {
        if (!/^[a-z0-9.-]+\.(amazonaws\.com|amazon\.com|aws\.internal)(\.cn)?$/.test(v) && v !== '*') {
          findings.push(finding('error', 'INVALID_PRINCIPAL', `Invalid principal in policy: "Service":"${v}"`, value));
        }
      }
      if (v === '*' && isAllow && !statement.conditions?.length && statement.principal) {
        findings.push(
          finding('security_warning', 'PUBLIC_ACCESS', 'This statement allows anyone ("Principal": "*") without conditions.', value),
        );
      }
    }
  }
  if (principal.wildcard && isAllow && !statement.conditions?.length && statement.principal) {
    findings.push(
      finding('security_warning', 'PUBLIC_ACCESS', 'This statement allows anyone ("Principal": "*") without conditions.', principal),
    );
  }
}

function checkActions(actions: ParsedValue<string>[], catalog: ActionCatalog | undefined, findings: Finding[]): void {
  const seen = new Set<string>();
  for (const action of actions) {
    const v = action.value;
    if (seen.has(v.toLowerCase())) findings.push(finding('suggestion', 'REDUNDANT_ACTION', `"${v}" is listed more than once.`, action));
    seen.add(v.toLowerCase());
    if (v === '*') continue;
    if (!v.includes(':')) {
      findings.push(
        finding('error', 'INVALID_ACTION', `Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. ("${v}").`, action),
      );
      continue;
    }
    if (!ACTION_FORMAT.test(v)) {
      findings.push(
        finding('error', 'INVALID_ACTION', `Invalid action "${v}": use "service:Action" with letters, digits, '*' and '?'.`, action),
      );
      continue;
    }
    if (!catalog) continue;
    const [service, name] = v.split(':');
    if (/[*?]/.test(service)) continue;
    if (!catalog.hasService(service)) {
      findings.push(finding('error', 'UNKNOWN_SERVICE', `Unknown service "${service}" in action "${v}".`, action));
      continue;
    }
    if (!/[*?]/.test(name)) {
      if (!catalog.getAction(service, name))
        findings.push(finding('error', 'UNKNOWN_ACTION', `Unknown action "${v}": ${service} has no action "${name}".`, action));
    } else if (catalog.listActions) {
      const pattern = new RegExp(`^${name.replace(/[*]/g, '.*').replace(/[?]/g, '.')}$`, 'i');
      if (!catalog.listActions(service).some((a) => pattern.test(a))) {
        findings.push(finding('error', 'UNKNOWN_ACTION', `"${v}" matches no ${service} action.`, action));
      }
    }
  }
}

function checkResources(resources: ParsedValue<string>[], legacy: boolean, findings: Finding[]): void {
  const seen = new Set<string>();
  for (const resource of resources) {
    const v = resource.value;
    if (seen.has(v)) findings.push(finding('suggestion', 'REDUNDANT_RESOURCE', `"${v}" is listed more than once.`, resource));
    seen.add(v);
    if (v === '*') continue;
    const formatError = resourceFormatError(v);
    if (formatError !== undefined) {
      findings.push(finding('error', 'INVALID_ARN', formatError, resource));
      continue;
    }
    if (v.split(':')[2] === '' || (v.split(':').length - 1 < 5 && v.includes('::'))) {
      findings.push(finding('error', 'INVALID_ARN', `Resource ${v} has no service (IAM: "The policy failed legacy parsing").`, resource));
    }
    if (legacy && parseTemplate(v)?.keys.length) {
      findings.push(
        finding(
          'warning',
          'POLICY_VARIABLE_IN_LEGACY_VERSION',
          `Policy variables are not replaced under Version 2008-10-17: "${v}" is matched literally.`,
          resource,
        ),
      );
    }
  }
}

function checkConditionKeyForActions(
  key: string,
  actions: ParsedValue<string>[],
  catalog: ActionCatalog,
  findings: Finding[],
  where: { range?: Finding['range']; path?: Finding['path'] },
): void {
  const keyLower = key.toLowerCase();
  const concrete = actions.filter((a) => a.value !== '*' && !/[*?]/.test(a.value) && a.value.includes(':'));
  if (concrete.length === 0 || concrete.length !== actions.length) return;
  const supported = concrete.some((a) => {
    const [service, name] = a.value.split(':');
    const info = catalog.getAction(service, name);
    if (!info) return true;
    return info.conditionKeys.some((k) => {
      const lower = k.toLowerCase();
      // Catalogue keys may be templates such as 's3:RequestObjectTag/<key>' or 'aws:RequestTag/${TagKey}'.
      const template = lower.match(/^(.*?\/)(\$\{.*\}|<.*>)$/);
      return template ? keyLower.startsWith(template[1]) : lower === keyLower;
    });
  });
  if (!supported) {
    findings.push(
      finding(
        'warning',
        'CONDITION_KEY_NOT_VALID_FOR_ACTION',
        `Condition key "${key}" is not supported by ${concrete.map((a) => a.value).join(', ')}: the condition never matches.`,
        where,
      ),
    );
  }
}
