// Parse stage: policy text → ParsedPolicy with source ranges for every element, via jsonc-parser (strict JSON).

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type {
  Finding,
  ParsedCondition,
  ParsedPolicy,
  ParsedPrincipal,
  ParsedStatement,
  ParsedStringList,
  ParsedValue,
  SourcePosition,
  SourceRange,
} from './types';

export type { Finding, ParsedPolicy, ParsedStatement, PolicyType, SourcePosition, SourceRange, CompiledPolicy } from './types';
export { compilePolicy } from './compile';

/** Thrown when a policy cannot be evaluated; `findings` says why (with positions). */
export class PolicyParseError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(findings.length > 0 ? findings[0].message : 'The policy could not be parsed.');
    this.name = 'PolicyParseError';
    this.findings = findings;
  }
}

/** Top-level and statement element names AWS knows (case-sensitive, as IAM treats them). */
export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

/** Maps offsets to 1-based line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  position(offset: number): SourcePosition {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo] + 1 };
  }
  range(offset: number, length: number): SourceRange {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

type Path = (string | number)[];

/** The range of every element and finding of a document parsed without positions (`parsePolicyWithoutPositions`). */
export const NO_RANGE: SourceRange = Object.freeze({
  start: Object.freeze({ offset: 0, line: 1, column: 1 }),
  end: Object.freeze({ offset: 0, line: 1, column: 1 }),
});

class PolicyReader {
  readonly findings: Finding[] = [];
  readonly lines: LineIndex | undefined;
  /** Without positions, nodes come from a JSON value (offsets unknown): ranges are NO_RANGE. */
  constructor(
    readonly text: string,
    positions = true,
  ) {
    this.lines = positions ? new LineIndex(text) : undefined;
  }
  range(node: Node): SourceRange {
    return this.lines ? this.lines.range(node.offset, node.length) : NO_RANGE;
  }
  /** The text of a number or boolean as written (without positions only booleans occur, whose text is their value). */
  scalarText(node: Node): string {
    return this.lines ? this.text.slice(node.offset, node.offset + node.length) : String(node.value);
  }
  add(severity: Finding['severity'], code: string, message: string, node: Node | undefined, path: Path): void {
    const finding: Finding = { severity, code, message, path };
    if (node) finding.range = this.range(node);
    this.findings.push(finding);
  }

  /** The properties of an object node, reporting duplicates and unknown names. */
  properties(object: Node, path: Path, known: readonly string[], where: string): Map<string, Node> {
    const result = new Map<string, Node>();
    for (const property of object.children ?? []) {
      const keyNode = property.children?.[0];
      const valueNode = property.children?.[1];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const name = keyNode.value as string;
      if (!known.includes(name)) {
        const hint = known.find((k) => k.toLowerCase() === name.toLowerCase());
        this.add(
          'error',
          'UNKNOWN_ELEMENT',
          hint
            ? `Unknown element "${name}" in ${where}; element names are case-sensitive: use "${hint}".`
            : `Unknown element "${name}" in ${where}.`,
          keyNode,
          [...path, name],
        );
        continue;
      }
      if (result.has(name)) {
        this.add('error', 'DUPLICATE_ELEMENT', `Duplicate element "${name}" in ${where}.`, keyNode, [...path, name]);
      }
      if (valueNode) result.set(name, property);
    }
    return result;
  }

  string(property: Node, path: Path, element: string): ParsedValue<string> | undefined {
    const value = property.children?.[1];
    if (!value || value.type !== 'string') {
      this.add('error', 'INVALID_ELEMENT_TYPE', `${element} must be a string.`, value ?? property, path);
      return undefined;
    }
    return { value: value.value as string, range: this.range(value), path };
  }

  stringList(property: Node, path: Path, element: string): ParsedStringList {
    const value = property.children?.[1] as Node;
    const values: ParsedValue<string>[] = [];
    const take = (node: Node, p: Path) => {
      if (node.type === 'string') values.push({ value: node.value as string, range: this.range(node), path: p });
      else this.add('error', 'INVALID_ELEMENT_TYPE', `${element} values must be strings.`, node, p);
    };
    if (value.type === 'array') {
      (value.children ?? []).forEach((child, i) => take(child, [...path, i]));
      if ((value.children ?? []).length === 0) {
        this.add('error', 'EMPTY_ELEMENT', `${element} must not be an empty array.`, value, path);
      }
    } else take(value, path);
    return { values, range: this.range(property), path };
  }

  principal(property: Node, path: Path, element: string): ParsedPrincipal {
    const value = property.children?.[1] as Node;
    const parsed: ParsedPrincipal = { wildcard: false, entries: [], range: this.range(property), path };
    if (value.type === 'string') {
      if (value.value === '*') parsed.wildcard = true;
      else {
        this.add('error', 'INVALID_PRINCIPAL', `${element} must be "*" or an object such as {"AWS": "..."}.`, value, path);
      }
      return parsed;
    }
    if (value.type !== 'object') {
      this.add('error', 'INVALID_PRINCIPAL', `${element} must be "*" or an object such as {"AWS": "..."}.`, value, path);
      return parsed;
    }
    for (const entry of value.children ?? []) {
      const keyNode = entry.children?.[0];
      if (!keyNode || !entry.children?.[1]) continue;
      const type = keyNode.value as string;
      const list = this.stringList(entry, [...path, type], `${element}.${type}`);
      parsed.entries.push({ type, typeRange: this.range(keyNode), values: list.values });
    }
    if (parsed.entries.length === 0) {
      this.add('error', 'INVALID_PRINCIPAL', `${element} must name at least one principal.`, value, path);
    }
    return parsed;
  }

  conditions(property: Node, path: Path): ParsedCondition[] {
    const value = property.children?.[1] as Node;
    const result: ParsedCondition[] = [];
    if (value.type !== 'object') {
      this.add('error', 'INVALID_ELEMENT_TYPE', 'Condition must be an object of operators.', value, path);
      return result;
    }
    const seenOperators = new Set<string>();
    for (const operatorProperty of value.children ?? []) {
      const operatorNode = operatorProperty.children?.[0];
      const block = operatorProperty.children?.[1];
      if (!operatorNode || !block) continue;
      const operator = operatorNode.value as string;
      const operatorPath = [...path, operator];
      if (seenOperators.has(operator)) {
        this.add('error', 'DUPLICATE_ELEMENT', `Duplicate condition operator "${operator}".`, operatorNode, operatorPath);
      }
      seenOperators.add(operator);
      if (block.type !== 'object') {
        this.add(
          'error',
          'INVALID_ELEMENT_TYPE',
          `Condition operator "${operator}" must map condition keys to values.`,
          block,
          operatorPath,
        );
        continue;
      }
      const seenKeys = new Set<string>();
      for (const keyProperty of block.children ?? []) {
        const keyNode = keyProperty.children?.[0];
        const valuesNode = keyProperty.children?.[1];
        if (!keyNode || !valuesNode) continue;
        const key = keyNode.value as string;
        const keyPath = [...operatorPath, key];
        // Keys are compared ignoring case at evaluation; two spellings of one key are two conditions (both must hold).
        if (seenKeys.has(key)) {
          this.add('error', 'DUPLICATE_ELEMENT', `Duplicate condition key "${key}" under "${operator}".`, keyNode, keyPath);
        }
        seenKeys.add(key);
        const values: ParsedValue<string>[] = [];
        const take = (node: Node, p: Path) => {
          if (node.type === 'string') values.push({ value: node.value as string, range: this.range(node), path: p });
          else if (node.type === 'number' || node.type === 'boolean') {
            // AWS accepts unquoted numbers and booleans; they compare as their text.
            values.push({ value: this.scalarText(node), range: this.range(node), path: p });
          } else this.add('error', 'INVALID_CONDITION_VALUE', `Condition values must be strings, numbers or booleans.`, node, p);
        };
        if (valuesNode.type === 'array') (valuesNode.children ?? []).forEach((child, i) => take(child, [...keyPath, i]));
        else take(valuesNode, keyPath);
        result.push({
          operator,
          operatorRange: this.range(operatorNode),
          key,
          keyRange: this.range(keyNode),
          values,
          range: this.range(keyProperty),
          path: keyPath,
        });
      }
    }
    return result;
  }

  statement(node: Node, index: number, path: Path): ParsedStatement {
    const statement: ParsedStatement = { index, range: this.range(node), path };
    if (node.type !== 'object') {
      this.add('error', 'INVALID_ELEMENT_TYPE', 'Each statement must be an object.', node, path);
      return statement;
    }
    const props = this.properties(node, path, STATEMENT_ELEMENTS, `statement ${index}`);
    const p = (name: string) => [...path, name];
    for (const [name, property] of props) {
      switch (name) {
        case 'Sid':
          statement.sid = this.string(property, p(name), 'Sid');
          break;
        case 'Effect':
          statement.effect = this.string(property, p(name), 'Effect');
          break;
        case 'Principal':
          statement.principal = this.principal(property, p(name), 'Principal');
          break;
        case 'NotPrincipal':
          statement.notPrincipal = this.principal(property, p(name), 'NotPrincipal');
          break;
        case 'Action':
          statement.action = this.stringList(property, p(name), 'Action');
          break;
        case 'NotAction':
          statement.notAction = this.stringList(property, p(name), 'NotAction');
          break;
        case 'Resource':
          statement.resource = this.stringList(property, p(name), 'Resource');
          break;
        case 'NotResource':
          statement.notResource = this.stringList(property, p(name), 'NotResource');
          break;
        case 'Condition':
          statement.conditions = this.conditions(property, p(name));
          statement.conditionRange = this.range(property);
          break;
      }
    }
    const where = `statement ${index}${statement.sid ? ` (Sid "${statement.sid.value}")` : ''}`;
    if (!statement.effect) {
      if (!props.has('Effect')) this.add('error', 'MISSING_EFFECT', `Missing required field Effect in ${where}.`, node, path);
    } else if (statement.effect.value !== 'Allow' && statement.effect.value !== 'Deny') {
      this.findings.push({
        severity: 'error',
        code: 'INVALID_EFFECT',
        message: `Invalid effect: ${statement.effect.value}. Effect must be "Allow" or "Deny".`,
        range: statement.effect.range,
        path: statement.effect.path,
      });
    }
    if (statement.action && statement.notAction) {
      this.add('error', 'ACTION_AND_NOT_ACTION', `${where} has both Action and NotAction; use one.`, node, path);
    } else if (!statement.action && !statement.notAction) {
      this.add('error', 'MISSING_ACTION', `Policy statement must contain actions (${where}).`, node, path);
    }
    if (statement.resource && statement.notResource) {
      this.add('error', 'RESOURCE_AND_NOT_RESOURCE', `${where} has both Resource and NotResource; use one.`, node, path);
    }
    if (statement.principal && statement.notPrincipal) {
      this.add('error', 'PRINCIPAL_AND_NOT_PRINCIPAL', `${where} has both Principal and NotPrincipal; use one.`, node, path);
    }
    return statement;
  }
}

/**
 * Parses a policy document tolerantly: never throws, returns what it could read with findings (errors for
 * what makes the document unusable). Strict JSON: comments and trailing commas are syntax errors, as in AWS.
 */
export function parsePolicy(text: string, options?: { policyId?: string }): ParsedPolicy {
  const reader = new PolicyReader(typeof text === 'string' ? text : String(text));
  const policy = emptyPolicy(reader, options?.policyId);
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(reader.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    root = undefined;
    errors.push({ error: 1, offset: 0, length: 0 });
  }
  if (errors.length > 0 || !root) {
    for (const error of errors.slice(0, 5)) {
      reader.findings.push({
        severity: 'error',
        code: 'JSON_SYNTAX_ERROR',
        message: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}.`,
        range: reader.lines!.range(error.offset, error.length),
        path: [],
      });
    }
    if (errors.length === 0) {
      reader.findings.push({ severity: 'error', code: 'JSON_SYNTAX_ERROR', message: 'Invalid JSON: the document is empty.', path: [] });
    }
    return policy;
  }
  return readPolicy(reader, policy, root);
}

/** Deeper than any policy AWS accepts (a condition's values sit at depth 7): such text is left to `parsePolicy`. */
const MAX_VALUE_DEPTH = 32;

/**
 * `parsePolicy(text)` for a text JSON.parse has read into `value`, built from the value instead of scanning the
 * text again, without source positions: every range is NO_RANGE; elements, findings (codes, severities, messages,
 * paths) and their order are those `parsePolicy` gives. For IAM's write check (malformed.ts), which reads no
 * position. Undefined when the value does not show all the text says, so that only `parsePolicy` can read it: a
 * number (JSON.parse keeps its value, not its text, e.g. `1.0`), a name that is repeated (JSON.parse keeps one)
 * or starts with a digit (JSON.parse may reorder such names), or nesting deeper than MAX_VALUE_DEPTH.
 */
export function parsePolicyWithoutPositions(text: string, value: unknown, options?: { policyId?: string }): ParsedPolicy | undefined {
  const counted = { members: 0 };
  const root = valueNode(value, 0, counted);
  // Every member the text writes is one the value kept: no name was repeated within an object.
  if (root === undefined || counted.members !== membersWritten(text)) return undefined;
  const reader = new PolicyReader(text, false);
  return readPolicy(reader, emptyPolicy(reader, options?.policyId), root);
}

/** The node tree `parseTree` builds for the text of a JSON value (offsets 0, no parents: PolicyReader reads neither), or undefined (see above). */
function valueNode(value: unknown, depth: number, counted: { members: number }): Node | undefined {
  if (typeof value === 'string') return { type: 'string', value, offset: 0, length: 0 };
  if (typeof value === 'boolean') return { type: 'boolean', value, offset: 0, length: 0 };
  if (value === null) return { type: 'null', value, offset: 0, length: 0 };
  if (typeof value !== 'object' || depth >= MAX_VALUE_DEPTH) return undefined;
  const children: Node[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const child = valueNode(item, depth + 1, counted);
      if (child === undefined) return undefined;
      children.push(child);
    }
    return { type: 'array', offset: 0, length: 0, children };
  }
  for (const name of Object.keys(value)) {
    const first = name.charCodeAt(0);
    if (first >= 48 && first <= 57) return undefined;
    const member = valueNode((value as Record<string, unknown>)[name], depth + 1, counted);
    if (member === undefined) return undefined;
    children.push({ type: 'property', offset: 0, length: 0, children: [{ type: 'string', value: name, offset: 0, length: 0 }, member] });
    counted.members++;
  }
  return { type: 'object', offset: 0, length: 0, children };
}

/** How many object members a valid JSON text writes: the strings followed by a colon (ends on any text, valid or not). */
function membersWritten(text: string): number {
  let members = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 34) {
      i++;
      continue;
    }
    // A string: to its closing quote, stepping over escapes.
    i++;
    for (let c = text.charCodeAt(i); c !== 34 && i < text.length; c = text.charCodeAt(i)) i += c === 92 ? 2 : 1;
    i++;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++i);
    if (c === 58) members++;
  }
  return members;
}

function emptyPolicy(reader: PolicyReader, policyId: string | undefined): ParsedPolicy {
  return {
    policyId,
    text: reader.text,
    isJson: false,
    statements: [],
    statementIsArray: false,
    findings: reader.findings,
    topLevelKeys: [],
  };
}

/** Reads the policy elements of a document's root node into `policy`. */
function readPolicy(reader: PolicyReader, policy: ParsedPolicy, root: Node): ParsedPolicy {
  if (root.type !== 'object') {
    reader.add('error', 'INVALID_ELEMENT_TYPE', 'A policy document must be a JSON object.', root, []);
    return policy;
  }
  policy.isJson = true;
  for (const property of root.children ?? []) {
    const keyNode = property.children?.[0];
    if (keyNode)
      policy.topLevelKeys.push({ value: keyNode.value as string, range: reader.range(keyNode), path: [keyNode.value as string] });
  }
  const props = reader.properties(root, [], TOP_LEVEL_ELEMENTS, 'the policy');
  const versionProperty = props.get('Version');
  if (versionProperty) {
    policy.version = reader.string(versionProperty, ['Version'], 'Version');
    if (policy.version && policy.version.value !== '2012-10-17' && policy.version.value !== '2008-10-17') {
      reader.findings.push({
        severity: 'error',
        code: 'INVALID_VERSION',
        message: `Invalid Version "${policy.version.value}": use "2012-10-17" (or the legacy "2008-10-17").`,
        range: policy.version.range,
        path: ['Version'],
      });
    }
  }
  const idProperty = props.get('Id');
  if (idProperty) policy.id = reader.string(idProperty, ['Id'], 'Id');
  const statementProperty = props.get('Statement');
  if (!statementProperty) {
    reader.add('error', 'MISSING_STATEMENT', 'Missing required field Statement.', root, []);
    return policy;
  }
  policy.statementRange = reader.range(statementProperty);
  const statementValue = statementProperty.children?.[1] as Node;
  if (statementValue.type === 'array') {
    policy.statementIsArray = true;
    (statementValue.children ?? []).forEach((child, i) => {
      policy.statements.push(reader.statement(child, i, ['Statement', i]));
    });
    if ((statementValue.children ?? []).length === 0) {
      reader.add('error', 'EMPTY_STATEMENT', 'Statement must contain at least one statement.', statementValue, ['Statement']);
    }
  } else if (statementValue.type === 'object') {
    policy.statements.push(reader.statement(statementValue, 0, ['Statement']));
  } else {
    reader.add('error', 'INVALID_ELEMENT_TYPE', 'Statement must be an object or an array of objects.', statementValue, ['Statement']);
  }
  return policy;
}

function describeParseError(code: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return 'unexpected symbol';
    case 'InvalidNumberFormat':
      return 'invalid number';
    case 'PropertyNameExpected':
      return 'property name expected (a trailing comma?)';
    case 'ValueExpected':
      return 'value expected';
    case 'ColonExpected':
      return "':' expected";
    case 'CommaExpected':
      return "',' expected";
    case 'CloseBraceExpected':
      return "'}' expected";
    case 'CloseBracketExpected':
      return "']' expected";
    case 'EndOfFileExpected':
      return 'unexpected content after the document';
    case 'InvalidCommentToken':
      return 'comments are not allowed';
    case 'UnexpectedEndOfString':
      return 'unterminated string';
    default:
      return code;
  }
}
