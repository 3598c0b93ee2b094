import { describe, expect, it } from 'vitest';
import { includes, overlaps, tokenize } from './patterns';

const inc = (outer: string, inner: string) => includes(tokenize(outer), tokenize(inner));
const ovl = (a: string, b: string) => overlaps(tokenize(a), tokenize(b));

describe('wildcard set reasoning', () => {
  it('decides inclusion of pattern languages', () => {
    expect(inc('s3:*', 's3:Get*')).toBe(true);
    expect(inc('s3:Get*', 's3:*')).toBe(false);
    expect(inc('s3:Get*', 's3:Get?bject')).toBe(true);
    expect(inc('s3:Get?bject', 's3:Get*bject')).toBe(false);
    expect(inc('a*b*c', 'a*b*b*c')).toBe(true);
    expect(inc('a*c', 'a?')).toBe(false);
  });

  it('decides whether two patterns share a string', () => {
    expect(ovl('s3:Get*', 's3:*Object')).toBe(true);
    expect(ovl('s3:Get*', 's3:Put*')).toBe(false);
    expect(ovl('a?c', 'ab*')).toBe(true);
    expect(ovl('abc', 'abd')).toBe(false);
  });

  it('reads policy variables as any text when asked', () => {
    expect(
      includes(tokenize('arn:aws:iam::1:user/*'), tokenize('arn:aws:iam::1:user/${aws:username}', { variablesAsWildcards: true })),
    ).toBe(true);
    expect(
      includes(tokenize('arn:aws:iam::1:user/bob'), tokenize('arn:aws:iam::1:user/${aws:username}', { variablesAsWildcards: true })),
    ).toBe(false);
  });
});
