// Case-insensitive access to a request's condition keys, built lazily so requests without conditions pay nothing.

import { LRUCache } from 'lru-cache';
import { splitArn } from './arn';
import { parseAddress, parseDate } from './operators';

/** The request context as callers pass it. */
export type RequestContext = Record<string, string | string[] | undefined>;

const EMPTY: readonly string[] = [];

// Keys and action names come from requests (SimulatePrincipalPolicy takes any): bounded, least recently used out.
const lowerCaseCache = new LRUCache<string, string>({ max: 8192 });

/** `text.toLowerCase()`, remembered for the key and action names that recur on every request (bounded). */
export function lowerCaseOf(text: string): string {
  let lower = lowerCaseCache.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    lowerCaseCache.set(text, lower);
  }
  return lower;
}

/** Reads condition keys ignoring case (AWS: "condition key names are not case-sensitive"). */
export class ContextReader {
  private map: Map<string, string[]> | undefined;
  private dates: Map<string, number | undefined> | undefined;
  private addresses: Map<string, ReturnType<typeof parseAddress>> | undefined;
  private arns: Map<string, string[] | null> | undefined;
  constructor(private readonly context: RequestContext) {}

  /** Values of a key given in lower case; undefined when the key is absent (an empty list counts as absent). */
  get(keyLower: string): string[] | undefined {
    let map = this.map;
    if (map === undefined) map = this.build();
    return map.get(keyLower);
  }

  /** A request value read as a date (epoch ms), parsed once per request. */
  parsedDate(value: string): number | undefined {
    const dates = (this.dates ??= new Map());
    if (dates.has(value)) return dates.get(value);
    const parsed = parseDate(value);
    dates.set(value, parsed);
    return parsed;
  }

  /** A request value read as an IP address, parsed once per request. */
  parsedAddress(value: string): ReturnType<typeof parseAddress> {
    const addresses = (this.addresses ??= new Map());
    if (addresses.has(value)) return addresses.get(value);
    const parsed = parseAddress(value);
    addresses.set(value, parsed);
    return parsed;
  }

  /** A request value split as an ARN (null when it is not one), split once per request. */
  parsedArn(value: string): string[] | null {
    const arns = (this.arns ??= new Map());
    let parts = arns.get(value);
    if (parts === undefined) {
      parts = splitArn(value) ?? null;
      arns.set(value, parts);
    }
    return parts;
  }

  private build(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    const context = this.context;
    for (const key in context) {
      const raw = context[key];
      if (raw === undefined) continue;
      const values = typeof raw === 'string' ? [raw] : raw;
      if (values.length === 0) continue;
      const lower = lowerCaseOf(key);
      const existing = map.get(lower);
      map.set(lower, existing ? existing.concat(values) : values);
    }
    this.map = map;
    return map;
  }
}

/** An empty list, shared. */
export const NO_VALUES = EMPTY;
