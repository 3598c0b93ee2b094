// Encodes operation output as AWS query-protocol XML, driven by the service model (element names and order).
import type { ServiceModel, Shape } from './model';
import type { AwsError } from '../core/errors';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };

/** Any character `escapeXml` changes: one test lets the common value (nothing to change) through without a copy. */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot carry are among what this finds
const NEEDS_ESCAPE = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escapes text for an XML element; characters XML 1.0 cannot carry are dropped. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot carry are exactly what this removes
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.replace(/[&<>"'\r]/g, (c) => ESCAPES[c]);
}

/** RFC 3986 encoding, as AWS returns policy documents. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Shapes whose values AWS returns URL-encoded. */
const URL_ENCODED_SHAPES = new Set(['policyDocumentType']);

/** `YYYY-MM-DDTHH:MM:SS` then `.sss` or nothing, then `Z`: how the stores keep dates (`toISOString`). */
const STORED_ISO = /^\d{4}-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;

/** Days of each month of a common year (index 1–12). */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * AWS's timestamp form (ISO 8601 to the second, UTC). A stored date already in ISO form whose fields are all in
 * range is its own first 19 characters plus `Z` (what the Date round trip below yields), without parsing it;
 * anything else (a Date, another form, a day past its month's end, which Date rolls over) takes the round trip.
 */
export function formatTimestamp(value: unknown): string {
  if (typeof value === 'string') {
    const match = STORED_ISO.exec(value);
    if (match) {
      const month = Number(match[1]);
      const day = Number(match[2]);
      if (month >= 1 && month <= 12 && day >= 1 && (day <= MONTH_DAYS[month] || (month === 2 && day === 29 && isLeapYear(value)))) {
        return value.length === 20 ? value : `${value.slice(0, 19)}Z`;
      }
    }
  }
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isLeapYear(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function encodeValue(model: ServiceModel, shapeName: string, value: unknown, out: string[]): void {
  const shape: Shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure':
      encodeStructure(model, shape, value as Record<string, unknown>, out);
      return;
    case 'list':
      for (const item of value as unknown[]) {
        out.push('<member>');
        encodeValue(model, shape.member!, item, out);
        out.push('</member>');
      }
      return;
    case 'map':
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out.push('<entry><key>', escapeXml(k), '</key><value>');
        encodeValue(model, shape.value!, v, out);
        out.push('</value></entry>');
      }
      return;
    case 'timestamp':
      out.push(formatTimestamp(value));
      return;
    case 'blob':
      out.push(typeof value === 'string' ? value : Buffer.from(value as Uint8Array).toString('base64'));
      return;
    default:
      out.push(escapeXml(URL_ENCODED_SHAPES.has(shapeName) ? rfc3986(String(value)) : String(value)));
  }
}

function encodeStructure(model: ServiceModel, shape: Shape, value: Record<string, unknown>, out: string[]): void {
  const members = shape.members;
  // for…in, not Object.entries: the same order (a model's own member names, none integer-like), no arrays per member.
  for (const name in members) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    out.push('<', name, '>');
    encodeValue(model, members[name], v, out);
    out.push('</', name, '>');
  }
}

/** The XML document of a successful response. */
export function encodeResult(model: ServiceModel, action: string, output: Record<string, unknown> | undefined, requestId: string): string {
  const op = model.operations[action];
  const out: string[] = [`<${action}Response xmlns="${model.xmlNamespace}">`];
  if (op.output && op.resultWrapper) {
    out.push(`<${op.resultWrapper}>`);
    encodeStructure(model, model.shapes[op.output], output ?? {}, out);
    out.push(`</${op.resultWrapper}>`);
  }
  out.push('<ResponseMetadata><RequestId>', requestId, '</RequestId></ResponseMetadata>', `</${action}Response>`);
  return out.join('');
}

/** The XML `ErrorResponse` for an AWS error. */
export function encodeError(namespace: string, error: AwsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
