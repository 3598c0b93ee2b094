// Types shared by the policy stages (parse → compile → validate → evaluate → explain); no logic here.

import type { WildcardPattern } from './wildcard';
import type { Template } from './variables';

/** A point in the policy text. `offset` is 0-based UTF-16; `line` and `column` are 1-based (as AWS's simulator reports them). */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** A span of policy text; `end` is exclusive (points just past the last character). */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

/** Which kind of policy a document is; decides what validation and MalformedPolicyDocument accept. */
export type PolicyType = 'identity' | 'resource' | 'boundary' | 'session' | 'trust' | 'scp';

/** A validation finding, in the categories IAM Access Analyzer uses. */
export interface Finding {
  severity: 'error' | 'security_warning' | 'warning' | 'suggestion';
  code: string;
  message: string;
  range?: SourceRange;
  /** JSON path of the element, e.g. ['Statement', 0, 'Action', 1]. */
  path?: (string | number)[];
}

/** The two policy language versions AWS accepts. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A scalar value read from the document with where it stands. */
export interface ParsedValue<T> {
  value: T;
  range: SourceRange;
  path: (string | number)[];
}

/** An element whose value is a string or an array of strings (Action, Resource, ...). */
export interface ParsedStringList {
  values: ParsedValue<string>[];
  /** Range of the whole element (key and value). */
  range: SourceRange;
  path: (string | number)[];
}

/** A Principal or NotPrincipal element. `wildcard` is true for the bare `"*"` form. */
export interface ParsedPrincipal {
  wildcard: boolean;
  /** Principal type ('AWS', 'Service', 'Federated', 'CanonicalUser', or something unknown) → values. */
  entries: { type: string; typeRange: SourceRange; values: ParsedValue<string>[] }[];
  range: SourceRange;
  path: (string | number)[];
}

/** One `operator: { key: values }` entry of a Condition block. */
export interface ParsedCondition {
  operator: string;
  operatorRange: SourceRange;
  key: string;
  keyRange: SourceRange;
  values: ParsedValue<string>[];
  /** Range of the `key: values` property. */
  range: SourceRange;
  path: (string | number)[];
}

/** A statement as written, with positions; absent elements are undefined. */
export interface ParsedStatement {
  index: number;
  range: SourceRange;
  path: (string | number)[];
  sid?: ParsedValue<string>;
  effect?: ParsedValue<string>;
  principal?: ParsedPrincipal;
  notPrincipal?: ParsedPrincipal;
  action?: ParsedStringList;
  notAction?: ParsedStringList;
  resource?: ParsedStringList;
  notResource?: ParsedStringList;
  conditions?: ParsedCondition[];
  conditionRange?: SourceRange;
}

/** The tolerant parse result: whatever could be read, plus findings for what could not. */
export interface ParsedPolicy {
  policyId?: string;
  text: string;
  /** True when the text is valid JSON whose top level is an object. */
  isJson: boolean;
  version?: ParsedValue<string>;
  id?: ParsedValue<string>;
  statements: ParsedStatement[];
  /** Whether `Statement` was written as an array (AWS allows a single object too). */
  statementIsArray: boolean;
  statementRange?: SourceRange;
  findings: Finding[];
  /** Names of top-level elements as written, for validation of the document shape. */
  topLevelKeys: ParsedValue<string>[];
}

/** The operator families AWS defines. */
export type OperatorFamily =
  'String' | 'StringIgnoreCase' | 'StringLike' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null' | 'Unknown';

/** Comparison used by the Numeric and Date families. */
export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

/** A condition value prepared for its operator. */
export interface CompiledConditionValue {
  raw: string;
  range?: SourceRange;
  /** Present when the value contains policy variables (Version 2012-10-17, String and Arn operators only). */
  template?: Template;
  /** The value ready to compare (lower-cased for IgnoreCase; normalised 'true'/'false' for Bool). */
  text?: string;
  number?: number;
  pattern?: WildcardPattern;
  arn?: ArnPattern;
  cidr?: unknown;
  /** Why the value cannot be used with its operator (AWS would reject the policy). */
  invalid?: string;
}

/** A compiled `operator: { key: values }` condition. */
export interface CompiledCondition {
  operator: string;
  family: OperatorFamily;
  comparison: Comparison;
  negated: boolean;
  ifExists: boolean;
  setOperator?: 'ForAllValues' | 'ForAnyValue';
  key: string;
  keyLower: string;
  values: CompiledConditionValue[];
  /** The values as written (shared by explanations; do not mutate). */
  rawValues: string[];
  range?: SourceRange;
  /** Set when the condition cannot be evaluated at all (unknown operator, invalid values). */
  unevaluableReason?: string;
  /** Templates of the values (undefined entries for values without variables); undefined when none has any. */
  templates?: (Template | undefined)[];
  /** @internal the last substitution key and the values it produced (speed only). */
  resolvedKey?: string;
  resolvedValues?: CompiledConditionValue[];
  resolvedDescriptions?: string[];
}

/** A Resource/NotResource/Arn* pattern: a whole-string pattern plus, for ARNs, the six segments. */
export interface ArnPattern {
  whole: WildcardPattern;
  /** arn, partition, service, region, account, resource — only when the pattern has all six. */
  segments?: WildcardPattern[];
}

/** A resource pattern that may contain policy variables. */
export interface CompiledResource {
  raw: string;
  range?: SourceRange;
  pattern?: ArnPattern;
  template?: Template;
}

/** A compiled Principal/NotPrincipal element. */
export interface CompiledPrincipal {
  any: boolean;
  accounts: Set<string>;
  arns: Set<string>;
  /** `account/roleName` keys for role ARNs, so that role sessions match their role. */
  roles: Set<string>;
  services: Set<string>;
  federated: Set<string>;
  canonicalUsers: Set<string>;
}

/** A statement ready to evaluate. */
export interface CompiledStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  range: SourceRange;
  /** Lower-cased action patterns; undefined when neither Action nor NotAction is present. */
  actions?: WildcardPattern[];
  notAction: boolean;
  /** undefined when neither Resource nor NotResource is present (trust policies): applies to any resource. */
  resources?: CompiledResource[];
  notResource: boolean;
  /** True when some Resource/NotResource entry contains policy variables. */
  resourceHasVariables: boolean;
  principal?: CompiledPrincipal;
  notPrincipal: boolean;
  conditions: CompiledCondition[];
  /** True when some condition is unevaluable. */
  hasUnevaluable: boolean;
}

/** The evaluable form of a policy; build with `compilePolicy`, reuse for every request. */
export interface CompiledPolicy {
  policyId: string;
  policyType?: PolicyType;
  version: PolicyVersion;
  statements: CompiledStatement[];
  /** Allow and Deny statements apart, so that evaluation can look at denies first. */
  allowStatements: CompiledStatement[];
  denyStatements: CompiledStatement[];
  /** Source text, kept for explanations. */
  text: string;
  /**
   * Set (to the stored policy's name or ARN) on the deny-everything stand-in for a stored document that does
   * not compile: callers fail closed and say which policy is broken.
   */
  uncompilable?: string;
  /** @internal per-action cache of the statements whose Action/NotAction matches. */
  actionCache: Map<string, ActionCacheEntry>;
}

/** @internal The statements of one policy whose Action/NotAction matches one action. */
export interface ActionCacheEntry {
  allow: CompiledStatement[];
  deny: CompiledStatement[];
  /** 1 at a statement's position in `statements` when its action matches. */
  matches: Uint8Array;
  /** Frozen explanation outcomes of the statements whose action does not match, per policy-set role. */
  actionMismatchOutcomes?: Record<string, readonly unknown[]>;
}
