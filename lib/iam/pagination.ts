// IAM pagination: `MaxItems` (1–1000, default 100) and an opaque `Marker` that a client cannot forge usefully.
import { ValidationError } from '../core/errors';

const PREFIX = 'gh1.';

/** Encodes a continuation key as an opaque marker. */
export function encodeMarker(key: string): string {
  return PREFIX + Buffer.from(key, 'utf8').toString('base64url');
}

/** Decodes a marker from `encodeMarker`; anything else is `ValidationError` "Invalid Marker", as AWS answers a bad marker. */
export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  if (!marker.startsWith(PREFIX)) throw new ValidationError('Invalid Marker');
  const body = marker.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new ValidationError('Invalid Marker');
  return Buffer.from(body, 'base64url').toString('utf8');
}

/** The page size for a request: the service model bounds it to 1–1000; clamped again for direct callers. */
export function pageSize(maxItems: number | undefined): number {
  if (maxItems === undefined || !Number.isFinite(maxItems)) return 100;
  return Math.min(1000, Math.max(1, Math.trunc(maxItems)));
}

/** The `IsTruncated`/`Marker` pair of a response. */
export function pageResult(next: string | undefined): { IsTruncated: boolean; Marker?: string } {
  return next === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: encodeMarker(next) };
}

/** Paginates an in-memory list sorted by `keyOf` (for small sets such as a user's groups or keys). */
export function paginateArray<T>(items: T[], keyOf: (item: T) => string, marker: string | undefined, maxItems: number | undefined) {
  const after = decodeMarker(marker);
  const limit = pageSize(maxItems);
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const start = after === undefined ? 0 : sorted.findIndex((item) => keyOf(item) > after);
  const from = start < 0 ? sorted.length : start;
  const page = sorted.slice(from, from + limit);
  const more = from + limit < sorted.length;
  return { items: page, ...pageResult(more ? keyOf(page[page.length - 1]) : undefined) };
}
