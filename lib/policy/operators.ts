// The condition operator table (IAM JSON policy elements: Condition operators) and value parsing per family.

import * as ipaddrNamespace from 'ipaddr.js';
import type { Comparison, OperatorFamily } from './types';

// ipaddr.js is CommonJS (`export =`): under Node's ESM loader its functions sit on `default`.
type IpAddrModule = typeof ipaddrNamespace;
const ipaddr: IpAddrModule = (ipaddrNamespace as unknown as { default?: IpAddrModule }).default ?? (ipaddrNamespace as IpAddrModule);

/** What an operator name means. */
export interface OperatorInfo {
  family: OperatorFamily;
  comparison: Comparison;
  negated: boolean;
  ifExists: boolean;
  setOperator?: 'ForAllValues' | 'ForAnyValue';
  /** The base operator name as AWS spells it, e.g. 'StringNotEquals'. */
  base: string;
}

const BASE_OPERATORS: Record<string, Omit<OperatorInfo, 'ifExists' | 'setOperator' | 'base'>> = {};
const CANONICAL_NAMES: Record<string, string> = {};
function define(name: string, family: OperatorFamily, comparison: Comparison, negated: boolean): void {
  BASE_OPERATORS[name.toLowerCase()] = { family, comparison, negated };
  CANONICAL_NAMES[name.toLowerCase()] = name;
}
define('StringEquals', 'String', 'eq', false);
define('StringNotEquals', 'String', 'eq', true);
define('StringEqualsIgnoreCase', 'StringIgnoreCase', 'eq', false);
define('StringNotEqualsIgnoreCase', 'StringIgnoreCase', 'eq', true);
define('StringLike', 'StringLike', 'eq', false);
define('StringNotLike', 'StringLike', 'eq', true);
define('NumericEquals', 'Numeric', 'eq', false);
define('NumericNotEquals', 'Numeric', 'eq', true);
define('NumericLessThan', 'Numeric', 'lt', false);
define('NumericLessThanEquals', 'Numeric', 'le', false);
define('NumericGreaterThan', 'Numeric', 'gt', false);
define('NumericGreaterThanEquals', 'Numeric', 'ge', false);
define('DateEquals', 'Date', 'eq', false);
define('DateNotEquals', 'Date', 'eq', true);
define('DateLessThan', 'Date', 'lt', false);
define('DateLessThanEquals', 'Date', 'le', false);
define('DateGreaterThan', 'Date', 'gt', false);
define('DateGreaterThanEquals', 'Date', 'ge', false);
define('Bool', 'Bool', 'eq', false);
define('BinaryEquals', 'Binary', 'eq', false);
define('IpAddress', 'IpAddress', 'eq', false);
define('NotIpAddress', 'IpAddress', 'eq', true);
define('ArnEquals', 'Arn', 'eq', false);
define('ArnLike', 'Arn', 'eq', false);
define('ArnNotEquals', 'Arn', 'eq', true);
define('ArnNotLike', 'Arn', 'eq', true);
define('Null', 'Null', 'eq', false);

/** Every base operator name AWS defines. */
export const CONDITION_OPERATORS: readonly string[] = Object.values(CANONICAL_NAMES);

/**
 * Reads an operator name such as `ForAnyValue:StringLikeIfExists`. Returns undefined for unknown
 * operators. Operator names are matched ignoring case; `Null` takes neither IfExists nor a set prefix.
 */
export function parseOperator(name: string): OperatorInfo | undefined {
  let rest = name;
  let setOperator: OperatorInfo['setOperator'];
  const lower = rest.toLowerCase();
  if (lower.startsWith('forallvalues:')) {
    setOperator = 'ForAllValues';
    rest = rest.slice('forallvalues:'.length);
  } else if (lower.startsWith('foranyvalue:')) {
    setOperator = 'ForAnyValue';
    rest = rest.slice('foranyvalue:'.length);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const base = BASE_OPERATORS[rest.toLowerCase()];
  if (!base) return undefined;
  if (base.family === 'Null' && (ifExists || setOperator)) return undefined;
  return { ...base, ifExists, setOperator, base: CANONICAL_NAMES[rest.toLowerCase()] };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a Numeric* operand (integer or decimal); undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

const ISO_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?:\d{2})?)?$/i;

/**
 * Parses a Date* operand: ISO 8601 (extended, or basic with a time; a time without zone is UTC) or epoch seconds.
 * Returns epoch milliseconds, undefined when it is not a date. Deterministic: no local time zone involved.
 */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isFinite(seconds) ? Math.round(seconds * 1000) : undefined;
  }
  let m = ISO_EXTENDED.exec(trimmed);
  let year: string, month: string, day: string, hour: string | undefined, minute: string | undefined;
  let second: string | undefined, fraction: string | undefined, zone: string | undefined;
  if (m) {
    [, year, month, day, hour, minute, second, fraction, zone] = m;
  } else {
    m = ISO_BASIC.exec(trimmed);
    if (!m) return undefined;
    [, year, month, day, hour, minute, second, zone] = m;
  }
  const mo = Number(month) - 1;
  const d = Number(day);
  const h = hour ? Number(hour) : 0;
  const mi = minute ? Number(minute) : 0;
  const s = second ? Number(second) : 0;
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  let ms = Date.UTC(Number(year), mo, d, h, mi, s);
  if (fraction) ms += Math.round(Number(fraction) * 1000);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
    ms -= sign * offsetMinutes * 60_000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A parsed IpAddress operand. IPv4 blocks are kept as 32-bit network and mask so that the common case is
 * two integer operations; IPv6 blocks use ipaddr.js.
 */
export type Cidr =
  | { kind: 'ipv4'; network: number; mask: number; range: ipaddrNamespace.IPv4; bits: number }
  | { kind: 'ipv6'; range: ipaddrNamespace.IPv6; bits: number };

function ipv4ToInt(octets: number[]): number {
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Parses a CIDR block or a single address (IPv4 or IPv6); undefined when invalid. */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  try {
    let address: ipaddrNamespace.IPv4 | ipaddrNamespace.IPv6;
    let bits: number;
    if (trimmed.includes('/')) [address, bits] = ipaddr.parseCIDR(trimmed);
    else {
      address = ipaddr.parse(trimmed);
      bits = address.kind() === 'ipv4' ? 32 : 128;
    }
    if (address.kind() === 'ipv4') {
      const range = address as ipaddrNamespace.IPv4;
      const mask = maskOf(bits);
      return { kind: 'ipv4', network: (ipv4ToInt(range.octets) & mask) >>> 0, mask, range, bits };
    }
    return { kind: 'ipv6', range: address as ipaddrNamespace.IPv6, bits };
  } catch {
    return undefined;
  }
}

/** A request address: its IPv4 value as an integer (for IPv4 and IPv4-mapped IPv6) and its IPv6 form (made on demand). */
export class PreparedAddress {
  private mapped: ipaddrNamespace.IPv6 | undefined;
  constructor(
    readonly v4: number | undefined,
    private readonly v6Address: ipaddrNamespace.IPv6 | undefined,
  ) {}
  get v6(): ipaddrNamespace.IPv6 {
    if (this.v6Address) return this.v6Address;
    this.mapped ??= ipaddr.IPv4.parse(
      [this.v4! >>> 24, (this.v4! >>> 16) & 255, (this.v4! >>> 8) & 255, this.v4! & 255].join('.'),
    ).toIPv4MappedAddress();
    return this.mapped;
  }
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a request's source address; undefined when invalid. */
export function parseAddress(text: string): PreparedAddress | undefined {
  const trimmed = text.trim();
  const quad = DOTTED_QUAD.exec(trimmed);
  if (quad) {
    const octets = [Number(quad[1]), Number(quad[2]), Number(quad[3]), Number(quad[4])];
    if (octets.some((o) => o > 255)) return undefined;
    return new PreparedAddress(ipv4ToInt(octets), undefined);
  }
  try {
    const address = ipaddr.parse(trimmed);
    if (address.kind() === 'ipv4') return new PreparedAddress(ipv4ToInt((address as ipaddrNamespace.IPv4).octets), undefined);
    const v6 = address as ipaddrNamespace.IPv6;
    return new PreparedAddress(v6.isIPv4MappedAddress() ? ipv4ToInt(v6.toIPv4Address().octets) : undefined, v6);
  } catch {
    return undefined;
  }
}

/** True when the address lies in the block; IPv4 and IPv4-mapped IPv6 addresses are interchangeable. */
export function addressInCidr(address: PreparedAddress, cidr: Cidr): boolean {
  if (cidr.kind === 'ipv4') return address.v4 !== undefined && (address.v4 & cidr.mask) >>> 0 === cidr.network;
  try {
    return address.v6.match(cidr.range, cidr.bits);
  } catch {
    return false;
  }
}

/** Decodes base64 for BinaryEquals with atob (available in browsers and Node); undefined when invalid. */
export function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  try {
    return atob(compact);
  } catch {
    return undefined;
  }
}

/** Applies a Numeric/Date comparison. */
export function compare(left: number, comparison: Comparison, right: number): boolean {
  switch (comparison) {
    case 'eq':
      return left === right;
    case 'lt':
      return left < right;
    case 'le':
      return left <= right;
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
  }
}
