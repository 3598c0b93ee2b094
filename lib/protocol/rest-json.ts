// AWS's REST-JSON protocol, driven by a service model (scripts/generate-models.py): find the operation of a
// method and path, decode its input from the URI labels, query string and JSON body (checked against the
// shapes), encode its output and errors as the SDKs and the CLI read them.
import { AwsError } from '../core/errors';
import { RestJsonError, ValidationException, type ValidationField } from '../analyzer/errors';
import type { WireResponse } from '../core/wire';
import { modelPattern, type RestJsonModel, type RestShape } from './model';

export { ACCESS_ANALYZER_MODEL, type RestJsonModel, type RestMember, type RestOperationModel, type RestShape } from './model';

interface CompiledRoute {
  operation: string;
  method: string;
  /** Literal segments, or labels (`greedy` for `{name+}`). */
  segments: ({ literal: string } | { label: string; greedy: boolean })[];
}

/** The operation a request addresses, and its URI labels. */
export interface RouteMatch {
  operation: string;
  labels: Record<string, string>;
}

/** The routes of a model, literal-first so `/policy/generation` never reads as a label. */
export function compileRoutes(model: RestJsonModel): CompiledRoute[] {
  const routes: CompiledRoute[] = [];
  for (const [operation, op] of Object.entries(model.operations)) {
    const path = op.http.requestUri.split('?')[0];
    const segments = path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        const label = /^\{([^}+]+)(\+?)\}$/.exec(s);
        return label ? { label: label[1], greedy: label[2] === '+' } : { literal: s };
      });
    routes.push({ operation, method: op.http.method, segments });
  }
  const literals = (r: CompiledRoute) => r.segments.filter((s) => 'literal' in s).length;
  return routes.sort((a, b) => literals(b) - literals(a));
}

/**
 * Finds the route of `method path`. `methodMismatch` is set when a route has this path but another method
 * (so the caller can tell an unknown path from a wrong method).
 */
export function matchRoute(routes: CompiledRoute[], method: string, path: string): RouteMatch | undefined {
  const parts = path.split('/').filter((s) => s !== '');
  for (const route of routes) {
    if (route.method !== method) continue;
    const labels = matchSegments(route.segments, parts);
    if (labels) return { operation: route.operation, labels };
  }
  return undefined;
}

function matchSegments(segments: CompiledRoute['segments'], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return undefined;
      continue;
    }
    if (segment.greedy) {
      if (i >= parts.length) return undefined;
      labels[segment.label] = decodeLabel(parts.slice(i).join('/'));
      return i === segments.length - 1 ? labels : undefined;
    }
    if (parts[i] === undefined) return undefined;
    labels[segment.label] = decodeLabel(parts[i]);
  }
  return parts.length === segments.length ? labels : undefined;
}

function decodeLabel(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ValidationException('The request URI is not correctly encoded.', 'cannotParse');
  }
}

/** True when some operation of the model has this path (whatever the method). */
export function pathIsKnown(routes: CompiledRoute[], path: string): boolean {
  const parts = path.split('/').filter((s) => s !== '');
  return routes.some((route) => matchSegments(route.segments, parts) !== undefined);
}

/** Query parameters; repeated names keep every value. */
function parseQuery(query: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        throw new ValidationException('The query string is not correctly encoded.', 'cannotParse');
      }
    };
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  return params;
}

/** Collects every constraint violation (AWS reports them all, numbered). */
class Violations {
  readonly fields: ValidationField[] = [];
  add(path: string, message: string): void {
    this.fields.push({ name: path, message });
  }
  throwIfAny(): void {
    if (this.fields.length === 0) return;
    const count = this.fields.length;
    const text = this.fields.map((f) => `Value at '${f.name}' failed to satisfy constraint: ${f.message}`).join('; ');
    throw new ValidationException(
      `${count} validation error${count === 1 ? '' : 's'} detected: ${text}`,
      'fieldValidationFailed',
      this.fields,
    );
  }
}

/** Reads a value of the JSON body against its shape; wrong types and constraint violations are collected. */
function readValue(model: RestJsonModel, shapeName: string, value: unknown, path: string, violations: Violations): unknown {
  const shape = model.shapes[shapeName];
  if (value === null || value === undefined) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        violations.add(path, 'Member must be an object');
        return undefined;
      }
      return readStructure(model, shapeName, value as Record<string, unknown>, path, violations);
    }
    case 'list': {
      if (!Array.isArray(value)) {
        violations.add(path, 'Member must be a list');
        return undefined;
      }
      checkLength(shape, value.length, path, violations);
      return value.map((item, i) => readValue(model, shape.member!, item, `${path}.${i + 1}.member`, violations));
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        violations.add(path, 'Member must be a map');
        return undefined;
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        out[k] = readValue(model, shape.value!, v, `${path}.${k}`, violations);
      return out;
    }
    case 'string': {
      if (typeof value !== 'string') {
        violations.add(path, 'Member must be a string');
        return undefined;
      }
      checkString(shape, value, path, violations);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        violations.add(path, 'Member must be a boolean');
        return undefined;
      }
      return value;
    case 'integer':
    case 'long':
    case 'double':
    case 'float': {
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value))
      ) {
        violations.add(path, `Member must be ${shape.type === 'integer' || shape.type === 'long' ? 'an integer' : 'a number'}`);
        return undefined;
      }
      if (shape.min !== undefined && value < shape.min)
        violations.add(path, `Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) violations.add(path, `Member must have value less than or equal to ${shape.max}`);
      return value;
    }
    case 'timestamp': {
      const millis =
        typeof value === 'number'
          ? value * 1000
          : typeof value === 'string'
            ? /^\d+(\.\d+)?$/.test(value)
              ? Number(value) * 1000
              : Date.parse(value)
            : NaN;
      if (!Number.isFinite(millis)) {
        violations.add(path, 'Member must be a timestamp (ISO 8601 or epoch seconds)');
        return undefined;
      }
      return new Date(millis);
    }
    default:
      return value;
  }
}

function checkLength(shape: RestShape, length: number, path: string, violations: Violations): void {
  if (shape.min !== undefined && length < shape.min) violations.add(path, `Member must have length greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && length > shape.max) violations.add(path, `Member must have length less than or equal to ${shape.max}`);
}

function checkString(shape: RestShape, value: string, path: string, violations: Violations): void {
  checkLength(shape, value.length, path, violations);
  if (shape.enum && !shape.enum.includes(value)) violations.add(path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  const pattern = shape.pattern ? modelPattern(shape.pattern) : null;
  if (pattern && !pattern.test(value)) {
    violations.add(path, `Member must satisfy regular expression pattern: ${shape.pattern}`);
  }
}

function readStructure(
  model: RestJsonModel,
  shapeName: string,
  value: Record<string, unknown>,
  path: string,
  violations: Violations,
): Record<string, unknown> {
  const shape = model.shapes[shapeName];
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    if (member.location) continue;
    const read = readValue(model, member.shape, value[name], path ? `${path}.${name}` : name, violations);
    if (read !== undefined) out[name] = read;
  }
  for (const name of shape.required ?? []) {
    if (out[name] === undefined && !shape.members?.[name]?.location)
      violations.add(path ? `${path}.${name}` : name, 'Member must not be null');
  }
  return out;
}

/** Converts a URI label or query value to its scalar shape. */
function readScalar(model: RestJsonModel, shapeName: string, text: string, path: string, violations: Violations): unknown {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(text)) {
        violations.add(path, 'Member must be an integer');
        return undefined;
      }
      return readValue(model, shapeName, Number(text), path, violations);
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') {
        violations.add(path, 'Member must be a boolean');
        return undefined;
      }
      return text === 'true';
    case 'timestamp':
      return readValue(model, shapeName, text, path, violations);
    default:
      return readValue(model, shapeName, text, path, violations);
  }
}

/** Decodes an operation's input: URI labels, query string members, then the JSON body. */
export function decodeRestJsonInput(
  model: RestJsonModel,
  operation: string,
  labels: Record<string, string>,
  query: string,
  body: string,
): Record<string, unknown> {
  const op = model.operations[operation];
  if (!op.input) return {};
  const shape = model.shapes[op.input];
  let json: unknown = {};
  if (body.trim() !== '') {
    try {
      json = JSON.parse(body);
    } catch {
      throw new ValidationException('Could not parse the request body as JSON.', 'cannotParse');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new ValidationException('The request body must be a JSON object.', 'cannotParse');
  }
  const violations = new Violations();
  const input = readStructure(model, op.input, json as Record<string, unknown>, '', violations);
  const params = parseQuery(query);
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const wireName = member.locationName ?? name;
    let text: string | undefined;
    if (member.location === 'uri') text = labels[wireName];
    else if (member.location === 'querystring') text = params.get(wireName)?.[0];
    else continue;
    if (text === undefined) {
      if (shape.required?.includes(name)) violations.add(name, 'Member must not be null');
      continue;
    }
    const value = readScalar(model, member.shape, text, name, violations);
    if (value !== undefined) input[name] = value;
  }
  violations.throwIfAny();
  return input;
}

/** Writes an output value by its shape: only members the model knows, timestamps as ISO 8601. */
function writeValue(model: RestJsonModel, shapeName: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        const written = writeValue(model, member.shape, (value as Record<string, unknown>)[name]);
        if (written !== undefined) out[name] = written;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => writeValue(model, shape.member!, item));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = writeValue(model, shape.value!, v);
      return out;
    }
    case 'timestamp': {
      const date = value instanceof Date ? value : new Date(value as string);
      return shape.timestampFormat === 'iso8601' || shape.timestampFormat === undefined ? date.toISOString() : date.getTime() / 1000;
    }
    default:
      return value;
  }
}

/** The JSON body of an operation's output. */
export function encodeRestJsonOutput(model: RestJsonModel, operation: string, output: unknown): string {
  const op = model.operations[operation];
  if (!op.output) return '{}';
  return JSON.stringify(writeValue(model, op.output, output ?? {}) ?? {});
}

/**
 * Errors of the shared pipeline (authentication, authorization, throttling) under the names REST-JSON
 * services give them (e.g. `UnrecognizedClientException` for an unknown key, `InvalidSignatureException`).
 */
const PIPELINE_ERRORS: Record<string, string> = {
  AccessDenied: 'AccessDeniedException',
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  IncompleteSignature: 'IncompleteSignatureException',
  RequestExpired: 'InvalidSignatureException',
  ExpiredToken: 'ExpiredTokenException',
  Throttling: 'ThrottlingException',
  ServiceFailure: 'InternalServerException',
  InvalidParameterValue: 'ValidationException',
  MissingParameter: 'ValidationException',
};

/** The REST-JSON code of an error. */
export function restJsonErrorCode(error: AwsError): string {
  return error instanceof RestJsonError ? error.code : (PIPELINE_ERRORS[error.code] ?? error.code);
}

/** An error response: `x-amzn-ErrorType` and a JSON body with `message` (and the error's own members). */
export function encodeRestJsonError(error: AwsError, requestId: string): WireResponse {
  const code = restJsonErrorCode(error);
  const body = { ...(error instanceof RestJsonError ? error.extra : {}), message: error.message };
  return {
    status: error.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}
