// ARN-aware matching for Resource/NotResource and Arn* conditions: wildcards never cross the first five ':' separators.

import type { ArnPattern } from './types';
import { compilePieces, LITERAL, matchWildcard, STAR, type PatternPiece, type WildcardPattern } from './wildcard';

/** Splits an ARN into its six parts (arn, partition, service, region, account, resource); undefined if not an ARN. */
export function splitArn(value: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = value.indexOf(':', start);
    if (colon < 0) return undefined;
    parts.push(value.slice(start, colon));
    start = colon + 1;
  }
  parts.push(value.slice(start));
  return parts;
}

/**
 * Compiles a Resource or Arn* pattern. A pattern with at least five literal colons is matched segment by
 * segment (IAM JSON policy elements: Resource — "wildcards can't span segments of the ARN"); anything else
 * ('*' or a non-ARN string) is matched as a whole.
 */
export function compileArnPattern(pieces: readonly PatternPiece[]): ArnPattern {
  const whole = compilePieces(pieces);
  if (whole.kinds === undefined) return { whole };
  const text = whole.text;
  const kinds = whole.kinds;
  const colons: number[] = [];
  for (let i = 0; i < text.length && colons.length < 5; i++) {
    if (text.charCodeAt(i) === 58 && kinds[i] === LITERAL) colons.push(i);
  }
  // A pattern that starts like an ARN but has fewer than six segments still keeps its wildcards inside
  // segments: it can only match values with the same number of ':'-separated parts.
  if (colons.length < 5 && !(whole.literalPrefix.startsWith('arn:') && colons.length > 0)) return { whole };
  const segmentCount = colons.length + 1;
  const segments: WildcardPattern[] = [];
  let start = 0;
  for (let s = 0; s < segmentCount; s++) {
    const end = s < colons.length ? colons[s] : text.length;
    segments.push(compilePieces(slicePieces(text, kinds, start, end)));
    start = end + 1;
  }
  return { whole, segments };
}

function slicePieces(text: string, kinds: Uint8Array | undefined, start: number, end: number): PatternPiece[] {
  if (kinds === undefined) return [{ literal: text.slice(start, end) }];
  const pieces: PatternPiece[] = [];
  let literalStart = start;
  for (let i = start; i < end; i++) {
    if (kinds[i] === LITERAL) continue;
    if (i > literalStart) pieces.push({ literal: text.slice(literalStart, i) });
    pieces.push({ wildcard: kinds[i] === STAR ? '*' : '?' });
    literalStart = i + 1;
  }
  if (end > literalStart) pieces.push({ literal: text.slice(literalStart, end) });
  return pieces;
}

/** Matches a value against an ARN pattern; `valueSegments` is `splitArn(value)` when the caller has it. */
export function matchArnPattern(pattern: ArnPattern, value: string, valueSegments?: string[] | null): boolean {
  const segments = pattern.segments;
  if (segments === undefined) return matchWildcard(pattern.whole, value);
  if (pattern.whole.kinds === undefined) return pattern.whole.text === value;
  if (segments.length < 6) {
    const parts = value.split(':');
    if (parts.length !== segments.length) return false;
    for (let i = 0; i < parts.length; i++) if (!matchWildcard(segments[i], parts[i])) return false;
    return true;
  }
  const parts = valueSegments === undefined ? splitArn(value) : valueSegments;
  if (!parts) return false;
  for (let i = 0; i < 6; i++) if (!matchWildcard(segments[i], parts[i])) return false;
  return true;
}
