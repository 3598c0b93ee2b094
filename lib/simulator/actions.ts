// Action entry: wildcards such as `s3:Get*` expanded against the action catalogue of their service, and ARN
// templates from each action's resource types.

import { compileWildcard, matchWildcard } from '@/lib/policy';

/** A service's slice of the action catalogue, as the console loads it (one service at a time). */
export interface ServiceCatalog {
  service: string;
  serviceName?: string;
  actions: CatalogActionInfo[];
}

/** An action of the catalogue with what the simulator needs to offer resources. */
export interface CatalogActionInfo {
  name: string;
  accessLevel?: string;
  resourceTypes: { name: string; arn?: string; required: boolean }[];
}

/** The service prefix of an action or pattern when it has no wildcard (`s3` for `s3:Get*`); undefined otherwise. */
export function serviceOf(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return undefined;
  const service = pattern.slice(0, colon).toLowerCase();
  return /[*?]/.test(service) ? undefined : service;
}

/** Whether the text is an action pattern with a wildcard in its action part. */
export function isWildcardAction(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** Result of expanding the action entries. */
export interface ExpandedActions {
  /** Concrete actions, each once (catalogue spelling), in entry order. */
  actions: string[];
  /** Wildcard entries that could not be expanded (service not loaded or unknown, or a wildcard in the service). */
  unexpanded: string[];
  /** True when the expansion was cut at `limit`. */
  truncated: boolean;
}

/**
 * Expands wildcard entries against the loaded catalogues; plain entries are kept (spelled as the catalogue
 * spells them when known). At most `limit` actions.
 */
export function expandActions(entries: string[], catalogs: Map<string, ServiceCatalog>, limit = 1000): ExpandedActions {
  const seen = new Set<string>();
  const actions: string[] = [];
  const unexpanded: string[] = [];
  let truncated = false;
  const add = (action: string) => {
    const lower = action.toLowerCase();
    if (seen.has(lower)) return;
    if (actions.length >= limit) {
      truncated = true;
      return;
    }
    seen.add(lower);
    actions.push(action);
  };
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const service = serviceOf(entry);
    const catalog = service ? catalogs.get(service) : undefined;
    if (!isWildcardAction(entry)) {
      const name = entry.slice(entry.indexOf(':') + 1).toLowerCase();
      const known = catalog?.actions.find((a) => a.name.toLowerCase() === name);
      add(known ? `${catalog!.service}:${known.name}` : entry);
      continue;
    }
    if (!catalog) {
      unexpanded.push(entry);
      continue;
    }
    const pattern = compileWildcard(entry.toLowerCase());
    let any = false;
    for (const action of catalog.actions) {
      const full = `${catalog.service}:${action.name}`;
      if (matchWildcard(pattern, full.toLowerCase())) {
        add(full);
        any = true;
      }
    }
    if (!any) unexpanded.push(entry);
  }
  return { actions, unexpanded, truncated };
}

/** Fills `${Partition}`, `${Region}` and `${Account}` of a catalogue ARN template; other placeholders stay for the person to fill. */
export function fillArnTemplate(template: string, values: { partition?: string; region?: string; accountId?: string }): string {
  return template
    .replace(/\$\{Partition\}/g, values.partition ?? 'aws')
    .replace(/\$\{Region\}/g, values.region ?? 'us-east-1')
    .replace(/\$\{Account\}/g, values.accountId ?? '${Account}');
}

/** ARN templates for the given actions, each once, from their resource types (filled with partition/region/account). */
export function resourceTemplates(
  actions: string[],
  catalogs: Map<string, ServiceCatalog>,
  values: { partition?: string; region?: string; accountId?: string },
): { resourceType: string; template: string; actions: string[] }[] {
  const templates = new Map<string, { resourceType: string; template: string; actions: string[] }>();
  for (const action of actions) {
    const service = serviceOf(action);
    const catalog = service ? catalogs.get(service) : undefined;
    const name = action.slice(action.indexOf(':') + 1).toLowerCase();
    const info = catalog?.actions.find((a) => a.name.toLowerCase() === name);
    for (const type of info?.resourceTypes ?? []) {
      if (!type.arn) continue;
      const template = fillArnTemplate(type.arn, values);
      const entry = templates.get(template) ?? { resourceType: `${service}:${type.name.replace(/\*$/, '')}`, template, actions: [] };
      entry.actions.push(action);
      templates.set(template, entry);
    }
  }
  return [...templates.values()];
}
