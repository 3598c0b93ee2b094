// Set reasoning over policy wildcards ('*', '?'): does one pattern cover every string another matches, can two
// patterns match a common string. Exact for the wildcard language; the custom policy checks build on these.

import { BoundedCache } from '../core/bounded-cache';

type Token = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'any' };

const cache = new BoundedCache<string, Token[]>(10_000);

/** The tokens of a pattern; a policy variable `${...}` becomes `*` (it may stand for any text). Memoized (tokens are never mutated). */
export function tokenize(pattern: string, options: { ignoreCase?: boolean; variablesAsWildcards?: boolean } = {}): Token[] {
  const key = `${options.ignoreCase ? 1 : 0}${options.variablesAsWildcards ? 1 : 0}${pattern}`;
  let tokens = cache.get(key);
  if (!tokens) {
    tokens = tokenizeUncached(pattern, options);
    cache.set(key, tokens);
  }
  return tokens;
}

function tokenizeUncached(pattern: string, options: { ignoreCase?: boolean; variablesAsWildcards?: boolean }): Token[] {
  const text = options.ignoreCase ? pattern.toLowerCase() : pattern;
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (options.variablesAsWildcards && c === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        tokens.push({ kind: 'any' });
        i = close;
        continue;
      }
    }
    if (c === '*') tokens.push({ kind: 'any' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** True when every string `inner` matches is matched by `outer` (pattern language inclusion). */
export function includes(outer: Token[], inner: Token[]): boolean {
  // Fast paths for the common shapes: '*', a literal, a literal prefix followed by one '*'.
  const last = outer.length - 1;
  let firstWildcard = -1;
  for (let i = 0; i < outer.length; i++) {
    if (outer[i].kind !== 'char') {
      firstWildcard = i;
      break;
    }
  }
  if (firstWildcard < 0 || (firstWildcard === last && outer[last].kind === 'any')) {
    const literal = firstWildcard < 0 ? outer.length : last;
    if (firstWildcard < 0 && inner.length !== outer.length) return false;
    if (inner.length < literal) return false;
    for (let i = 0; i < literal; i++) {
      const t = inner[i];
      if (t.kind !== 'char' || t.char !== (outer[i] as { char: string }).char) return false;
    }
    if (firstWildcard < 0) return true;
    return true;
  }
  const m = outer.length;
  const n = inner.length;
  const memo = new Int8Array((m + 1) * (n + 1));
  const go = (i: number, j: number): boolean => {
    const slot = i * (n + 1) + j;
    if (memo[slot]) return memo[slot] === 1;
    let result: boolean;
    if (i === m) result = j === n;
    else {
      const o = outer[i];
      if (o.kind === 'any') result = go(i + 1, j) || (j < n && go(i, j + 1));
      else if (j === n) result = false;
      else {
        const t = inner[j];
        if (o.kind === 'one') result = t.kind !== 'any' && go(i + 1, j + 1);
        else result = t.kind === 'char' && t.char === o.char && go(i + 1, j + 1);
      }
    }
    memo[slot] = result ? 1 : 2;
    return result;
  };
  return go(0, 0);
}

/** True when some string is matched by both patterns. */
export function overlaps(a: Token[], b: Token[]): boolean {
  const m = a.length;
  const n = b.length;
  const memo = new Int8Array((m + 1) * (n + 1));
  const go = (i: number, j: number): boolean => {
    const slot = i * (n + 1) + j;
    if (memo[slot]) return memo[slot] === 1;
    let result: boolean;
    if (i < m && a[i].kind === 'any') result = go(i + 1, j) || (j < n && go(i, j + 1));
    else if (j < n && b[j].kind === 'any') result = go(i, j + 1) || (i < m && go(i + 1, j));
    else if (i === m || j === n) result = i === m && j === n;
    else {
      const x = a[i];
      const y = b[j];
      const compatible = x.kind === 'one' || y.kind === 'one' || (x.kind === 'char' && y.kind === 'char' && x.char === y.char);
      result = compatible && go(i + 1, j + 1);
    }
    memo[slot] = result ? 1 : 2;
    return result;
  };
  return go(0, 0);
}
