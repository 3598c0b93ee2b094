// Decodes AWS query-protocol parameters (`Tags.member.1.Key=...`) into typed operation input, driven by the
// service model, and validates them the way AWS does (required, enum, length, range, pattern).
import { ValidationError, InvalidParameterValue } from '../core/errors';
import { modelPattern, SERVICE_MODELS, type ServiceModel, type Shape } from './model';

/** A flat parameter map as it arrives on the wire (form body merged with query string). */
export type { QueryParams } from '../core/pipeline';
import type { QueryParams } from '../core/pipeline';

/** Digits a list or map index may have in a parameter name (`Tags.member.1234567890.Key`). */
const INDEX_DIGITS = 10;

/** The longest parameter name an input shape can take, indices counted at `INDEX_DIGITS` digits. */
function longestName(model: ServiceModel, shapeName: string, seen: ReadonlySet<string>): number {
  const shape = model.shapes[shapeName];
  if (!shape || seen.has(shapeName)) return 0;
  const inner = new Set(seen).add(shapeName);
  switch (shape.type) {
    case 'structure':
      return Math.max(
        0,
        ...Object.entries(shape.members ?? {}).map(([name, member]) => name.length + 1 + longestName(model, member, inner)),
      );
    case 'list':
      return 'member.'.length + INDEX_DIGITS + 1 + longestName(model, shape.member!, inner);
    case 'map':
      return 'entry.'.length + INDEX_DIGITS + '.value.'.length + Math.max('key'.length, longestName(model, shape.value!, inner));
    default:
      return 0;
  }
}

/**
 * The longest parameter name any IAM or STS operation's input can take (its trailing '.' left out), from AWS's
 * service models. A longer name cannot name a member, so it is ignored without being split.
 */
export const MAX_PARAMETER_NAME_LENGTH = Math.max(
  ...Object.values(SERVICE_MODELS).flatMap((model) =>
    Object.values(model.operations).map((operation) => (operation.input ? longestName(model, operation.input, new Set()) - 1 : 0)),
  ),
);

/**
 * At most this many parameters in one request (query string and body together): more than the largest request
 * a model allows in practice (lists are decoded up to 1,000 members), and few enough that decoding stays cheap.
 */
export const MAX_PARAMETERS = 10_000;

interface Node {
  value?: string;
  children?: Map<string, Node>;
}

function buildTree(params: QueryParams): Node {
  const root: Node = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split('.')) {
      if (!node.children) node.children = new Map();
      let next = node.children.get(part);
      if (!next) {
        next = {};
        node.children.set(part, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Members whose violations AWS lists in an order of its own rather than the model's (recorded from AWS:
 * UpdateAccountPasswordPolicy reports minimumPasswordLength, passwordReusePrevention, then maxPasswordAge).
 * Members not named here follow, in the model's order.
 */
const VALIDATION_ORDER: Record<string, string[]> = {
  UpdateAccountPasswordPolicyRequest: ['MinimumPasswordLength', 'PasswordReusePrevention', 'MaxPasswordAge'],
};

function memberOrder(shapeName: string | undefined, members: Record<string, string>): [string, string][] {
  const entries = Object.entries(members);
  const first = shapeName ? VALIDATION_ORDER[shapeName] : undefined;
  if (!first) return entries;
  const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index)
    .map((x) => x.entry);
}

/**
 * Members whose constraints the operation checks itself, because AWS answers a malformed value with its own
 * message first (AssumeRole: `<arn> is invalid`, even for an ARN shorter than the model's minimum).
 */
const OPERATION_CHECKED_MEMBERS = new Set(['AssumeRoleRequest.RoleArn']);

/** AWS's own message for a path that breaks `pathType`'s constraints, instead of the model's wording. */
function invalidPathMessage(member: string): string {
  return `The specified value for ${member} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`;
}

/**
 * Decodes and validates. Throws `ValidationError` listing every violated constraint, as AWS does: by path,
 * without echoing the value (`Value at 'tags' failed to satisfy constraint: …`).
 */
export function decodeInput(model: ServiceModel, shapeName: string | undefined, params: QueryParams): Record<string, unknown> {
  if (!shapeName) return {};
  const problems: string[] = [];
  const tree = buildTree(params);
  const value = decodeStructure(model, model.shapes[shapeName], tree, '', problems, shapeName);
  const pathProblem = problems.find((problem) => problem.startsWith('The specified value for '));
  if (pathProblem) throw new ValidationError(pathProblem);
  if (problems.length > 0) {
    const n = problems.length;
    throw new ValidationError(`${n} validation error${n > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
  }
  return value;
}

function decodeStructure(
  model: ServiceModel,
  shape: Shape,
  node: Node,
  path: string,
  problems: string[],
  shapeName?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const present = new Set<string>();
  const members = shape.members ?? {};
  for (const [name, memberShapeName] of memberOrder(shapeName, members)) {
    const child = node.children?.get(name);
    const memberPath = path ? `${path}.${lowerFirst(name)}` : lowerFirst(name);
    if (child === undefined) continue;
    if (shapeName && OPERATION_CHECKED_MEMBERS.has(`${shapeName}.${name}`) && child.value !== undefined) {
      out[name] = child.value;
      present.add(name);
      continue;
    }
    const before = problems.length;
    const decoded = decodeValue(model, model.shapes[memberShapeName], child, memberPath, problems, memberShapeName);
    if (decoded !== undefined) out[name] = decoded;
    // A member that was sent but broke a constraint is reported once, never again as "must not be null".
    if (decoded !== undefined || problems.length > before) present.add(name);
    if (memberShapeName === 'pathType' && problems.length > before) problems[before] = invalidPathMessage(lowerFirst(name));
  }
  for (const name of shape.required ?? []) {
    if (!present.has(name)) {
      problems.push(`Value null at '${path ? `${path}.` : ''}${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`);
    }
  }
  return out;
}

function decodeValue(model: ServiceModel, shape: Shape, node: Node, path: string, problems: string[], shapeName?: string): unknown {
  switch (shape.type) {
    case 'structure':
      return decodeStructure(model, shape, node, path, problems, shapeName);
    case 'list': {
      const items: unknown[] = [];
      const container = node.children?.get('member');
      // An empty list is sent as `Name=` with no members.
      if (!container?.children) {
        if (node.value === undefined || node.value === '') return checkRange(shape, items, path, problems);
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must be a list`);
        return undefined;
      }
      const indexed = [...container.children.entries()]
        .map(([index, child]) => [Number(index), child] as const)
        .filter(([index]) => Number.isInteger(index) && index >= 1)
        .sort((a, b) => a[0] - b[0]);
      if (indexed.length > 1000) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to 1000`);
        return undefined;
      }
      const memberShape = model.shapes[shape.member!];
      for (const [index, child] of indexed) {
        const itemPath = `${path}.${index}.member`;
        const before = problems.length;
        const item = decodeValue(model, memberShape, child, itemPath, problems, shape.member);
        // A scalar member sent with sub-parameters (`TagKeys.member.1.member.1=k`, `TagKeys.member.1.Foo=k`)
        // has no value of its own: a null member of the list, never an object in its place.
        if (item !== undefined) items.push(item);
        else if (problems.length === before)
          problems.push(`Value null at '${itemPath}' failed to satisfy constraint: Member must not be null`);
      }
      return checkRange(shape, items, path, problems);
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const entries = node.children?.get('entry')?.children;
      if (entries) {
        for (const entry of entries.values()) {
          const key = entry.children?.get('key')?.value;
          const valueNode = entry.children?.get('value');
          if (key === undefined || valueNode === undefined) continue;
          const before = problems.length;
          const value = decodeValue(model, model.shapes[shape.value!], valueNode, `${path}.${key}`, problems, shape.value);
          if (value !== undefined) out[key] = value;
          else if (problems.length === before)
            problems.push(`Value null at '${path}.${key}' failed to satisfy constraint: Member must not be null`);
        }
      }
      return out;
    }
    default:
      return decodeScalar(shape, node.value, path, problems);
  }
}

function checkRange(shape: Shape, items: unknown[], path: string, problems: string[]): unknown[] {
  if (shape.min !== undefined && items.length < shape.min) {
    problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && items.length > shape.max) {
    problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
  }
  return items;
}

function decodeScalar(shape: Shape, raw: string | undefined, path: string, problems: string[]): unknown {
  if (raw === undefined) return undefined;
  switch (shape.type) {
    case 'string': {
      if (shape.enum && !shape.enum.includes(raw)) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must satisfy enum value set`);
        return undefined;
      }
      const length = [...raw].length;
      if (shape.min !== undefined && length < shape.min) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      } else if (shape.max !== undefined && length > shape.max) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      } else if (shape.pattern && raw.length <= 1_000_000) {
        const re = modelPattern(shape.pattern);
        if (re && !re.test(raw)) {
          problems.push(
            `Value at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`,
          );
        }
      }
      return raw;
    }
    case 'integer':
    case 'long': {
      if (!/^-?\d{1,15}$/.test(raw.trim())) {
        throw new InvalidParameterValue(`Value (${raw.slice(0, 64)}) for parameter ${path} is invalid. Expected: 'integer'.`);
      }
      const n = Number(raw.trim());
      if (shape.min !== undefined && n < shape.min) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`);
      } else if (shape.max !== undefined && n > shape.max) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`);
      }
      return n;
    }
    case 'double':
    case 'float': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) {
        throw new InvalidParameterValue(`Value (${raw.slice(0, 64)}) for parameter ${path} is invalid. Expected: 'double'.`);
      }
      return n;
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        throw new InvalidParameterValue(`Value (${raw.slice(0, 64)}) for parameter ${path} is invalid. Expected: 'boolean'.`);
      }
      return lower === 'true';
    }
    case 'timestamp': {
      const date = /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
      if (Number.isNaN(date.getTime())) {
        throw new InvalidParameterValue(`Value (${raw.slice(0, 64)}) for parameter ${path} is invalid. Expected: 'timestamp'.`);
      }
      return date;
    }
    case 'blob':
      return raw;
    default:
      return raw;
  }
}

/**
 * Parses an `application/x-www-form-urlencoded` string into a parameter map; throws on bad encoding.
 * Names longer than `MAX_PARAMETER_NAME_LENGTH` are skipped (no operation has such a member), and more than
 * `MAX_PARAMETERS` parameters are refused, so the cost of decoding is bounded whatever the body holds.
 */
export function parseForm(text: string, into: QueryParams = new Map()): QueryParams {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    // Percent-encoding at most triples a name's length: longer raw text cannot decode short enough.
    const keyEnd = end > start ? keyEndOf(text, start, end, 3 * MAX_PARAMETER_NAME_LENGTH) : undefined;
    if (keyEnd !== undefined) {
      const key = decodeComponent(text.slice(start, keyEnd));
      if (key.length <= MAX_PARAMETER_NAME_LENGTH) {
        into.set(key, keyEnd === end ? '' : decodeComponent(text.slice(keyEnd + 1, end)));
        if (into.size > MAX_PARAMETERS) {
          throw new ValidationError(`The request has more than ${MAX_PARAMETERS} parameters; at most ${MAX_PARAMETERS} are accepted.`);
        }
      }
    }
    start = end + 1;
  }
  return into;
}

/**
 * The named parameters only (e.g. `Action` and `Version`), read without decoding anything else, with the same
 * decoding and last-one-wins rule as `parseForm`. Undecodable names are skipped: `parseForm` rejects them later.
 */
export function peekParameters(text: string, names: readonly string[], into: QueryParams): QueryParams {
  // A name percent-encoded in full is three times as long as itself.
  const longest = 3 * Math.max(...names.map((name) => name.length));
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    const keyEnd = end > start ? keyEndOf(text, start, end, longest) : undefined;
    if (keyEnd !== undefined && keyEnd > start) {
      let key: string | undefined;
      try {
        key = decodeComponent(text.slice(start, keyEnd));
      } catch {
        key = undefined;
      }
      if (key !== undefined && names.includes(key)) {
        try {
          into.set(key, keyEnd === end ? '' : decodeComponent(text.slice(keyEnd + 1, end)));
        } catch {
          into.delete(key);
        }
      }
    }
    start = end + 1;
  }
  return into;
}

/**
 * Where the name of the pair `text[start, end)` ends (its '=', or `end` when it has none), or undefined when the
 * name is longer than `maxRaw` characters. Only the first `maxRaw + 1` characters are looked at, so a pair
 * with a huge name costs no more than one with a huge value.
 */
function keyEndOf(text: string, start: number, end: number, maxRaw: number): number | undefined {
  const eq = text.substring(start, Math.min(end, start + maxRaw + 1)).indexOf('=');
  if (eq >= 0) return start + eq;
  return end - start <= maxRaw ? end : undefined;
}

function decodeComponent(text: string): string {
  const plusDecoded = text.indexOf('+') >= 0 ? text.replace(/\+/g, ' ') : text;
  if (plusDecoded.indexOf('%') < 0) return plusDecoded;
  try {
    return decodeURIComponent(plusDecoded);
  } catch {
    throw new InvalidParameterValue('The request contains invalid percent-encoding.');
  }
}
