// Decodes AWS query-protocol parameters (`Tags.member.1.Key=...`) into typed operation input, driven by the
// service model, and validates them the way AWS does (required, enum, length, range, pattern).
import { ValidationError, InvalidParameterValue } from './errors';
import type { ServiceModel, Shape } from './model';

/** A flat parameter map as it arrives on the wire (form body merged with query string). */
export type QueryParams = Map<string, string>;

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

const patternCache = new Map<string, RegExp | null>();
function compiledPattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'su');
    } catch {
      try {
        re = new RegExp(`^(?:${pattern})$`, 's');
      } catch {
        re = null;
      }
    }
    patternCache.set(pattern, re);
  }
  return re;
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
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index).map((x) => x.entry);
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
        items.push(decodeValue(model, memberShape, child, `${path}.${index}.member`, problems, shape.member));
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
          out[key] = decodeValue(model, model.shapes[shape.value!], valueNode, `${path}.${key}`, problems, shape.value);
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
        const re = compiledPattern(shape.pattern);
        if (re && !re.test(raw)) {
          problems.push(`Value at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`);
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

/** Parses an `application/x-www-form-urlencoded` string into a parameter map; throws on bad encoding. */
export function parseForm(text: string, into: QueryParams = new Map()): QueryParams {
  if (text.length === 0) return into;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    into.set(decodeComponent(rawKey), decodeComponent(rawValue));
  }
  return into;
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
