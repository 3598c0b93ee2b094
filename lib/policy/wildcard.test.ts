// Wildcard and ARN pattern compilation: the same patterns as the straightforward per-character construction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileArnPattern } from './arn';
import {
  compilePieces,
  compileWildcard,
  LITERAL,
  matchWildcard,
  QUESTION,
  STAR,
  splitWildcards,
  type PatternPiece,
  type WildcardPattern,
} from './wildcard';

/** The construction compilePieces replaced (one kind pushed per character), kept as the reference. */
function referencePieces(pieces: readonly PatternPiece[]): WildcardPattern {
  let text = '';
  const kindList: number[] = [];
  let hasWildcard = false;
  for (const piece of pieces) {
    if ('literal' in piece) {
      text += piece.literal;
      for (let i = 0; i < piece.literal.length; i++) kindList.push(LITERAL);
    } else {
      if (piece.wildcard === '*' && kindList.length > 0 && kindList[kindList.length - 1] === STAR) continue;
      text += piece.wildcard;
      kindList.push(piece.wildcard === '*' ? STAR : QUESTION);
      hasWildcard = true;
    }
  }
  if (!hasWildcard) return { text, kinds: undefined, shape: 'exact', literalPrefix: text };
  const kinds = Uint8Array.from(kindList);
  let firstWildcard = 0;
  while (kinds[firstWildcard] === LITERAL) firstWildcard++;
  const literalPrefix = text.slice(0, firstWildcard);
  if (kinds.length === 1 && kinds[0] === STAR) return { text, kinds, shape: 'any', literalPrefix };
  let onlyTrailingStar = kinds[kinds.length - 1] === STAR;
  for (let i = 0; onlyTrailingStar && i < kinds.length - 1; i++) if (kinds[i] !== LITERAL) onlyTrailingStar = false;
  return { text, kinds, shape: onlyTrailingStar ? 'prefix' : 'general', literalPrefix };
}

const piece: fc.Arbitrary<PatternPiece> = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'B', ':', '/', '*', '?', '-'), maxLength: 6 }).map((literal) => ({ literal })),
  fc.constantFrom<PatternPiece>({ wildcard: '*' }, { wildcard: '?' }),
);
const pieces = fc.array(piece, { maxLength: 8 });

describe('compilePieces', () => {
  it('builds the pattern the per-character construction builds (stars collapsed, literal * and ? kept literal)', () => {
    fc.assert(
      fc.property(pieces, (list) => {
        expect(compilePieces(list)).toEqual(referencePieces(list));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each shape its fast path', () => {
    expect(compileWildcard('*').shape).toBe('any');
    expect(compileWildcard('iam:Get*')).toMatchObject({ shape: 'prefix', literalPrefix: 'iam:Get' });
    expect(compileWildcard('a**b')).toMatchObject({ text: 'a*b', shape: 'general' });
    expect(compileWildcard('iam:GetUser')).toEqual({ text: 'iam:GetUser', kinds: undefined, shape: 'exact', literalPrefix: 'iam:GetUser' });
    expect(matchWildcard(compilePieces([{ literal: 'a*' }, { wildcard: '*' }]), 'a*xyz')).toBe(true);
    expect(matchWildcard(compilePieces([{ literal: 'a*' }, { wildcard: '*' }]), 'abxyz')).toBe(false);
  });
});

describe('compileArnPattern', () => {
  it('splits the segments as the per-character construction did', () => {
    const arnText = fc
      .array(fc.string({ unit: fc.constantFrom('a', ':', '*', '?', '/', '-'), maxLength: 6 }), { minLength: 1, maxLength: 8 })
      .map((parts) => ['arn', ...parts].join(':'));
    fc.assert(
      fc.property(fc.oneof(arnText, fc.string({ unit: fc.constantFrom('a', ':', '*', '?'), maxLength: 12 })), (text) => {
        const compiled = compileArnPattern(splitWildcards(text));
        expect(compiled.whole).toEqual(referencePieces(splitWildcards(text)));
        for (const segment of compiled.segments ?? []) expect(segment).toEqual(referencePieces(splitWildcards(segment.text)));
      }),
      { numRuns: 2000 },
    );
  });
});
