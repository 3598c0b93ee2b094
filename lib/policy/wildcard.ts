// Linear-time wildcard ('*', '?') matching for actions, resources, StringLike and ArnLike; no regular expressions.

/**
 * A compiled wildcard pattern. `text` holds the characters; `kinds[i]` says whether position i is a literal
 * character (0), a '*' wildcard (1) or a '?' wildcard (2). Keeping the kind apart from the character lets a
 * literal '*' (from `${*}` or a substituted variable) stand in a pattern without acting as a wildcard.
 */
export interface WildcardPattern {
  readonly text: string;
  /** undefined when the pattern has no wildcard at all (plain equality). */
  readonly kinds: Uint8Array | undefined;
  readonly shape: PatternShape;
  /** The literal text before the first wildcard (the whole text for 'exact'). */
  readonly literalPrefix: string;
}

/** Shapes with a fast path; 'general' uses the two-pointer matcher. */
export type PatternShape = 'any' | 'exact' | 'prefix' | 'general';

export const LITERAL = 0;
export const STAR = 1;
export const QUESTION = 2;

/** A piece of a pattern under construction: either literal text or a wildcard. */
export type PatternPiece = { literal: string } | { wildcard: '*' | '?' };

/** Compiles a pattern in which every '*' and '?' is a wildcard. */
export function compileWildcard(pattern: string): WildcardPattern {
  return compilePieces(splitWildcards(pattern));
}

/** Splits raw text into literal and wildcard pieces. */
export function splitWildcards(pattern: string): PatternPiece[] {
  const pieces: PatternPiece[] = [];
  let literalStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) {
      if (i > literalStart) pieces.push({ literal: pattern.slice(literalStart, i) });
      pieces.push({ wildcard: c === 42 ? '*' : '?' });
      literalStart = i + 1;
    }
  }
  if (literalStart < pattern.length) pieces.push({ literal: pattern.slice(literalStart) });
  return pieces;
}

/** Compiles pieces (literals never act as wildcards). */
export function compilePieces(pieces: readonly PatternPiece[]): WildcardPattern {
  let text = '';
  // Where the wildcards are (and which), in the text: every other position is a literal character.
  let wildcardAt: number[] | undefined;
  let lastIsStar = false;
  for (const piece of pieces) {
    if ('literal' in piece) {
      text += piece.literal;
      if (piece.literal.length > 0) lastIsStar = false;
    } else {
      // Consecutive stars are equivalent to one star; collapsing them keeps the matcher simple.
      if (piece.wildcard === '*' && lastIsStar) continue;
      (wildcardAt ??= []).push(text.length, piece.wildcard === '*' ? STAR : QUESTION);
      text += piece.wildcard;
      lastIsStar = piece.wildcard === '*';
    }
  }
  if (wildcardAt === undefined) return { text, kinds: undefined, shape: 'exact', literalPrefix: text };
  const kinds = new Uint8Array(text.length); // LITERAL (0) everywhere but at the wildcards
  for (let i = 0; i < wildcardAt.length; i += 2) kinds[wildcardAt[i]] = wildcardAt[i + 1];
  const firstWildcard = wildcardAt[0];
  const literalPrefix = text.slice(0, firstWildcard);
  if (kinds.length === 1 && kinds[0] === STAR) return { text, kinds, shape: 'any', literalPrefix };
  // Only a trailing star: one wildcard, a star, at the end.
  const onlyTrailingStar = wildcardAt.length === 2 && wildcardAt[1] === STAR && firstWildcard === text.length - 1;
  return { text, kinds, shape: onlyTrailingStar ? 'prefix' : 'general', literalPrefix };
}

/** Lower-cases the literal characters of a pattern (for case-insensitive matching). */
export function lowerCasePattern(pattern: WildcardPattern): WildcardPattern {
  const lower = pattern.text.toLowerCase();
  // toLowerCase can change string length for a few exotic characters; fall back to per-character lowering.
  if (lower.length === pattern.text.length) {
    return { ...pattern, text: lower, literalPrefix: lower.slice(0, pattern.literalPrefix.length) };
  }
  let text = '';
  for (const ch of pattern.text) {
    const l = ch.toLowerCase();
    text += l.length === ch.length ? l : ch;
  }
  return { ...pattern, text, literalPrefix: text.slice(0, pattern.literalPrefix.length) };
}

/**
 * Matches `value` against `pattern` in O(|pattern| × |value|) worst case without backtracking explosion:
 * the classic greedy two-pointer algorithm remembers only the last star, which is correct because a later
 * star can always absorb what an earlier one would have.
 */
export function matchWildcard(pattern: WildcardPattern, value: string): boolean {
  switch (pattern.shape) {
    case 'any':
      return true;
    case 'exact':
      return pattern.text === value;
    case 'prefix':
      return value.startsWith(pattern.literalPrefix);
    default:
      if (!value.startsWith(pattern.literalPrefix)) return false;
      return matchGeneral(pattern.text, pattern.kinds as Uint8Array, value);
  }
}

function matchGeneral(p: string, kinds: Uint8Array, s: string): boolean {
  const pLen = p.length;
  const sLen = s.length;
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < sLen) {
    if (pi < pLen) {
      const k = kinds[pi];
      if (k === STAR) {
        starP = pi++;
        starS = si;
        continue;
      }
      if (k === QUESTION || p.charCodeAt(pi) === s.charCodeAt(si)) {
        pi++;
        si++;
        continue;
      }
    }
    if (starP < 0) return false;
    pi = starP + 1;
    si = ++starS;
  }
  while (pi < pLen && kinds[pi] === STAR) pi++;
  return pi === pLen;
}

/** True when the pattern contains at least one wildcard. */
export function hasWildcard(pattern: WildcardPattern): boolean {
  return pattern.kinds !== undefined;
}
