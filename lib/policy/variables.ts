// Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}`, `${?}`, `${$}`): parsing and substitution.

import type { PatternPiece } from './wildcard';
import { splitWildcards } from './wildcard';
import type { ContextReader } from './context';

/** One part of a value that contains policy variables. */
export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `${*}`, `${?}`, `${$}`: a character that never acts as a wildcard. */
  | { kind: 'char'; char: string }
  | { kind: 'variable'; key: string; keyLower: string; defaultValue?: string };

/** A value split into text and variables. */
export interface Template {
  parts: TemplatePart[];
  /** Keys of the variables, as written. */
  keys: string[];
  /** @internal last substitution (variable values joined) and what was built from it; speed only. */
  cacheKey?: string;
  cacheValue?: unknown;
}

// AWS: "${key}" or "${key, 'default value'}"; whitespace around the comma is allowed.
const VARIABLE_BODY = /^\s*([^\s,'}]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/**
 * Parses `${...}` variables in a value. Returns undefined when the value has none, so callers keep the
 * fast static path. Malformed `${` sequences are kept as text, as AWS does.
 */
export function parseTemplate(value: string): Template | undefined {
  if (value.indexOf('${') < 0) return undefined;
  const parts: TemplatePart[] = [];
  const keys: string[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('${', i);
    if (start < 0) {
      text += value.slice(i);
      break;
    }
    const end = value.indexOf('}', start + 2);
    if (end < 0) {
      text += value.slice(i);
      break;
    }
    const body = value.slice(start + 2, end);
    text += value.slice(i, start);
    if (body === '*' || body === '?' || body === '$') {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'char', char: body });
    } else {
      const m = VARIABLE_BODY.exec(body);
      if (!m) {
        text += value.slice(start, end + 1);
      } else {
        if (text) parts.push({ kind: 'text', text });
        text = '';
        const key = m[1];
        parts.push(
          m[2] !== undefined
            ? { kind: 'variable', key, keyLower: key.toLowerCase(), defaultValue: m[2] }
            : { kind: 'variable', key, keyLower: key.toLowerCase() },
        );
        keys.push(key);
      }
    }
    i = end + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  if (keys.length === 0 && !parts.some((p) => p.kind === 'char')) return undefined;
  return { parts, keys };
}

/** The result of substituting variables: the value, or the keys that had no value and no default. */
export type Resolution<T> = { ok: true; value: T } | { ok: false; missingKeys: string[] };

/** The value a variable takes: the key's single value, else the default; undefined when neither. */
export function variableValue(part: { key: string; keyLower: string; defaultValue?: string }, context: ContextReader): string | undefined {
  const values = context.get(part.keyLower);
  // A multivalued key cannot be used as a variable: only a single value substitutes.
  if (values !== undefined && values.length === 1) return values[0];
  return part.defaultValue;
}

/** Substitutes variables into plain text (StringEquals, Bool-like comparisons). */
export function resolveText(template: Template, context: ContextReader): Resolution<string> {
  let out = '';
  let missing: string[] | undefined;
  for (const part of template.parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'char') out += part.char;
    else {
      const v = variableValue(part, context);
      if (v === undefined) (missing ??= []).push(part.key);
      else out += v;
    }
  }
  return missing ? { ok: false, missingKeys: missing } : { ok: true, value: out };
}

/**
 * Substitutes variables into a wildcard pattern: written '*' and '?' stay wildcards, while `${*}`, `${?}`
 * and substituted values are literal.
 */
export function resolvePattern(template: Template, context: ContextReader): Resolution<PatternPiece[]> {
  const pieces: PatternPiece[] = [];
  let missing: string[] | undefined;
  for (const part of template.parts) {
    if (part.kind === 'text') pieces.push(...splitWildcards(part.text));
    else if (part.kind === 'char') pieces.push({ literal: part.char });
    else {
      const v = variableValue(part, context);
      if (v === undefined) (missing ??= []).push(part.key);
      else pieces.push({ literal: v });
    }
  }
  return missing ? { ok: false, missingKeys: missing } : { ok: true, value: pieces };
}

/**
 * Substitutes variables into a wildcard pattern and builds a matcher from it, reusing the previous build
 * when the variables have the same values as last time (requests from one principal repeat them).
 */
export function resolvePatternCached<T>(template: Template, context: ContextReader, build: (pieces: PatternPiece[]) => T): Resolution<T> {
  let key = '';
  let missing: string[] | undefined;
  for (const part of template.parts) {
    if (part.kind !== 'variable') continue;
    const v = variableValue(part, context);
    if (v === undefined) (missing ??= []).push(part.key);
    else key += v.length + ':' + v;
  }
  if (missing) return { ok: false, missingKeys: missing };
  if (template.cacheKey === key) return { ok: true, value: template.cacheValue as T };
  const resolved = resolvePattern(template, context);
  if (!resolved.ok) return resolved;
  const value = build(resolved.value);
  template.cacheKey = key;
  template.cacheValue = value;
  return { ok: true, value };
}

/**
 * A key identifying the values the variables of several templates take for this request (undefined,
 * with the missing keys pushed, when a variable has no value): equal keys mean equal substitutions.
 */
export function substitutionKey(
  templates: readonly (Template | undefined)[],
  context: ContextReader,
  missing: string[],
): string | undefined {
  let key = '';
  for (const template of templates) {
    if (template === undefined) continue;
    for (const part of template.parts) {
      if (part.kind !== 'variable') continue;
      const v = variableValue(part, context);
      if (v === undefined) missing.push(part.key);
      else key += v.length + ':' + v;
    }
    key += '|';
  }
  return missing.length > 0 ? undefined : key;
}
