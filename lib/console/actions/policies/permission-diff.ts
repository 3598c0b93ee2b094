// The difference in effective permissions between two versions of an identity-based policy, computed with
// lib/policy over (the actions either version names, expanded against the action catalogue) × (the resources
// either version names). Conditions are assumed to hold, so a conditional grant counts as a grant.
import {
  authorize,
  compileWildcard,
  matchWildcard,
  parsePolicy,
  type ActionCatalog,
  type CompiledPolicy,
  type Decision,
} from '@/lib/policy';
import { compilePolicy } from '@/lib/policy';

/** One action whose decision changes, with the resources it changes for. */
export interface PermissionChange {
  action: string;
  resources: string[];
  /** The decisions before and after (for newly denied: explicit or implicit deny). */
  from: Decision;
  to: Decision;
}

export interface PermissionDiff {
  newlyAllowed: PermissionChange[];
  newlyDenied: PermissionChange[];
  /** How many action × resource pairs were evaluated. */
  evaluated: number;
  actionsConsidered: number;
  resourcesConsidered: string[];
  /** Service prefixes named by the versions but absent from the catalogue. */
  unknownServices: string[];
  /** True when the pair limit cut the evaluation short. */
  truncated: boolean;
}

const MAX_PAIRS = 50_000;

/** Removes Condition elements so that conditional statements count as applying. */
function withoutConditions(text: string): string {
  const document = JSON.parse(text) as { Statement?: unknown };
  const statements = Array.isArray(document.Statement) ? document.Statement : document.Statement ? [document.Statement] : [];
  for (const statement of statements) {
    if (statement && typeof statement === 'object') delete (statement as Record<string, unknown>).Condition;
  }
  return JSON.stringify(document);
}

interface Named {
  services: Set<string>;
  actionPatterns: string[];
  /** True when some statement uses NotAction (then every catalogue action of the named services counts). */
  notAction: boolean;
  resources: Set<string>;
}

function namedIn(text: string, into: Named): void {
  for (const statement of parsePolicy(text).statements) {
    const actions = statement.action ?? statement.notAction;
    if (statement.notAction) into.notAction = true;
    for (const { value } of actions?.values ?? []) {
      into.actionPatterns.push(value);
      const service = value.split(':')[0];
      if (value.includes(':') && service && !/[*?]/.test(service)) into.services.add(service.toLowerCase());
    }
    for (const { value } of (statement.resource ?? statement.notResource)?.values ?? []) into.resources.add(value);
  }
}

/** The service of a resource ARN ('*' and non-ARN values apply to every service). */
function resourceService(resource: string): string | undefined {
  const parts = resource.split(':');
  return parts[0] === 'arn' && parts.length >= 6 && parts[2] && !/[*?]/.test(parts[2]) ? parts[2].toLowerCase() : undefined;
}

/**
 * Compares two policy documents: what the second allows that the first did not, and what it no longer allows.
 * Throws when either document is not valid JSON.
 */
export function diffEffectivePermissions(fromText: string, toText: string, catalog: ActionCatalog): PermissionDiff {
  const named: Named = { services: new Set(), actionPatterns: [], notAction: false, resources: new Set() };
  namedIn(fromText, named);
  namedIn(toText, named);
  const from: CompiledPolicy = compilePolicy(withoutConditions(fromText), { policyId: 'from', policyType: 'identity' });
  const to: CompiledPolicy = compilePolicy(withoutConditions(toText), { policyId: 'to', policyType: 'identity' });

  const patterns = named.actionPatterns.map((p) => compileWildcard(p.toLowerCase()));
  const unknownServices: string[] = [];
  const actions: string[] = [];
  for (const service of [...named.services].sort()) {
    if (!catalog.hasService(service)) {
      unknownServices.push(service);
      continue;
    }
    for (const name of catalog.listActions?.(service) ?? []) {
      const action = `${service}:${name}`;
      if (named.notAction || patterns.some((p) => matchWildcard(p, action.toLowerCase()))) actions.push(action);
    }
  }
  const resources = [...named.resources].sort();
  const newlyAllowed = new Map<string, PermissionChange>();
  const newlyDenied = new Map<string, PermissionChange>();
  let evaluated = 0;
  let truncated = false;
  outer: for (const action of actions) {
    const service = action.split(':')[0]!;
    for (const resource of resources) {
      const owner = resourceService(resource);
      if (owner && owner !== service) continue;
      if (evaluated >= MAX_PAIRS) {
        truncated = true;
        break outer;
      }
      evaluated++;
      const request = { action, resource, context: {} };
      const before = authorize(request, { identity: [from] });
      const after = authorize(request, { identity: [to] });
      if (before === after || (before !== 'allowed' && after !== 'allowed')) continue;
      const target = after === 'allowed' ? newlyAllowed : newlyDenied;
      const key = `${action}|${before}|${after}`;
      const change = target.get(key) ?? { action, resources: [], from: before, to: after };
      change.resources.push(resource);
      target.set(key, change);
    }
  }
  return {
    newlyAllowed: [...newlyAllowed.values()],
    newlyDenied: [...newlyDenied.values()],
    evaluated,
    actionsConsidered: actions.length,
    resourcesConsidered: resources,
    unknownServices,
    truncated,
  };
}
