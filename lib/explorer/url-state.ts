// The explorer's shareable state in the URL: the question (action, resource, context keys), the result tab,
// the selected path and the selected principal.
import type { EntityRef } from './types';

/** Result tabs of the who-can view. */
export const RESULT_TABS = ['allowed', 'throughRole', 'explicitDeny', 'implicitDeny'] as const;
export type ResultTab = (typeof RESULT_TABS)[number];

/** Everything the explorer keeps in the URL. */
export interface ExplorerUrlState {
  action: string;
  resource: string;
  /** Context keys → values; `ctx=key=v1,v2` in the URL, one parameter per key. */
  context: Record<string, string[]>;
  tab: ResultTab;
  path: string;
  principal?: EntityRef;
}

/** Reads the state from search parameters (anything missing or invalid falls back to defaults). */
export function parseExplorerState(params: URLSearchParams): ExplorerUrlState {
  const context: Record<string, string[]> = {};
  for (const entry of params.getAll('ctx')) {
    const parsed = parseContextLine(entry);
    if (parsed) context[parsed.key] = parsed.values;
  }
  const tab = params.get('tab');
  const path = params.get('path');
  const principal = params.get('principal');
  const match = principal ? /^(user|group|role):(.+)$/.exec(principal) : null;
  return {
    action: params.get('action') ?? '',
    resource: params.get('resource') || '*',
    context,
    tab: (RESULT_TABS as readonly string[]).includes(tab ?? '') ? (tab as ResultTab) : 'allowed',
    path: path && path.startsWith('/') && path.endsWith('/') ? path : '/',
    principal: match ? { type: match[1] as EntityRef['type'], name: match[2] } : undefined,
  };
}

/** Writes the state as search parameters, leaving defaults out. */
export function serializeExplorerState(state: ExplorerUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.action) params.set('action', state.action);
  if (state.resource && state.resource !== '*') params.set('resource', state.resource);
  for (const key of Object.keys(state.context)) params.append('ctx', `${key}=${state.context[key].join(',')}`);
  if (state.tab !== 'allowed') params.set('tab', state.tab);
  if (state.path !== '/') params.set('path', state.path);
  if (state.principal) params.set('principal', `${state.principal.type}:${state.principal.name}`);
  return params;
}

/** `key=value` or `key=v1,v2` → the key and its values; undefined when there is no key. */
export function parseContextLine(line: string): { key: string; values: string[] } | undefined {
  const at = line.indexOf('=');
  if (at <= 0) return undefined;
  const key = line.slice(0, at).trim();
  if (!key) return undefined;
  const values = line
    .slice(at + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return { key, values };
}

/** Context text (one `key=value[,value]` per line) → context keys; also returns the lines it could not read. */
export function parseContextText(text: string): { context: Record<string, string[]>; invalid: string[] } {
  const context: Record<string, string[]> = {};
  const invalid: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const parsed = parseContextLine(line);
    if (parsed) context[parsed.key] = parsed.values;
    else invalid.push(line);
  }
  return { context, invalid };
}

/** Context keys → the text the context field shows. */
export function contextText(context: Record<string, string[]>): string {
  return Object.keys(context)
    .map((key) => `${key}=${context[key].join(',')}`)
    .join('\n');
}
