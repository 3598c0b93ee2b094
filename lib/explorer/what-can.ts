// "What can this principal do": its effective permissions by service and access level, computed from its compiled
// policies against AWS's action catalogue — so NotAction is expanded to the actions it really leaves in — with each
// grant traced to the statements that make it and the denies and boundary that limit it.
import type { CompiledStatement } from '@/lib/policy';
import { statementCoversAction } from './actions-allowed';
import type { CompiledAccount, PrincipalPolicies } from './compile-account';

/** AWS's access levels, in the order the IAM console shows them. */
export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * The access level AWS's Service Authorization Reference gives an action. The catalogue package records "Write"
 * for tagging and permission-changing actions too; those are named as AWS's console names them, from the verb.
 */
export function accessLevelOf(actionName: string, catalogLevel: string): AccessLevel {
  const level = (ACCESS_LEVELS as readonly string[]).includes(catalogLevel) ? (catalogLevel as AccessLevel) : 'Write';
  if (level !== 'Write') return level;
  if (/^(Tag|Untag)/.test(actionName)) return 'Tagging';
  if (
    /^(Put|Attach|Detach|Delete|Create|Set|Update|Add|Remove|Replace)\w*(Policy|Policies|Permission|Permissions|Boundary|Acl|Grant|Grants)$/.test(
      actionName,
    )
  )
    return 'Permissions management';
  return level;
}

/** The action catalogue: per service prefix, its name and actions with their access level. */
export interface ActionLevelCatalog {
  services: { prefix: string; name: string; actions: { name: string; level: AccessLevel }[] }[];
}

/** A statement that grants or limits, named as people know it. */
export interface TracedStatement {
  policyName: string;
  sid?: string;
  statementIndex: number;
  effect: 'Allow' | 'Deny';
  via: string[];
  /** The statement's Resource is not just "*" (the grant holds on some resources). */
  scoped: boolean;
  conditional: boolean;
  notAction: boolean;
}

/** One access level of one service. */
export interface LevelGrant {
  level: AccessLevel;
  allowed: number;
  total: number;
  /** Actions allowed at this level (sorted). */
  actions: string[];
}

/** One service line of the answer. */
export interface ServicePermissions {
  prefix: string;
  name: string;
  allowed: number;
  total: number;
  levels: LevelGrant[];
  /** The Allow statements that grant something here. */
  grants: TracedStatement[];
  /** Actions left out by an unconditional Deny on every resource. */
  denied: string[];
  /** Deny statements that apply to some actions here only on some resources or under conditions. */
  partialDenies: TracedStatement[];
  /** Actions an identity policy allows but the permissions boundary does not. */
  outsideBoundary: number;
}

/** The answer for one principal. */
export interface WhatCan {
  services: ServicePermissions[];
  /** Services with every action allowed. */
  fullServices: number;
}

interface Owned {
  statement: CompiledStatement;
  policyId: string;
}

function statementsOf(principal: PrincipalPolicies, part: 'identity' | 'boundary', effect: 'Allow' | 'Deny'): Owned[] {
  const out: Owned[] = [];
  for (const policy of principal.set[part] ?? [])
    for (const statement of effect === 'Allow' ? policy.allowStatements : policy.denyStatements)
      out.push({ statement, policyId: policy.policyId });
  return out;
}

const unscoped = (s: CompiledStatement) => s.resources === undefined || (!s.notResource && s.resources.some((r) => r.raw === '*'));

/** The principal's effective permissions against the catalogue (only services with something allowed are listed). */
export function whatCan(account: CompiledAccount, principal: PrincipalPolicies, catalog: ActionLevelCatalog): WhatCan {
  const allows = statementsOf(principal, 'identity', 'Allow');
  const denies = [...statementsOf(principal, 'identity', 'Deny'), ...statementsOf(principal, 'boundary', 'Deny')];
  const boundary = principal.set.boundary ? statementsOf(principal, 'boundary', 'Allow') : undefined;
  const trace = (o: Owned): TracedStatement => {
    const label = account.labels.get(o.policyId);
    return {
      policyName: label?.name ?? o.policyId,
      sid: o.statement.sid,
      statementIndex: o.statement.index,
      effect: o.statement.effect,
      via: principal.sources.get(o.policyId) ?? [],
      scoped: !unscoped(o.statement),
      conditional: o.statement.conditions.length > 0,
      notAction: o.statement.notAction,
    };
  };
  const services: ServicePermissions[] = [];
  for (const service of catalog.services) {
    const prefix = service.prefix.toLowerCase();
    // Statements that could concern this service at all (cheap filter before the per-action loop).
    const probe = (o: Owned) =>
      o.statement.notAction ||
      (o.statement.actions ?? []).some(
        (p) => p.shape === 'any' || p.literalPrefix.startsWith(`${prefix}:`) || `${prefix}:`.startsWith(p.literalPrefix),
      );
    const serviceAllows = allows.filter(probe);
    if (serviceAllows.length === 0) continue;
    const serviceDenies = denies.filter(probe);
    const serviceBoundary = boundary?.filter(probe);
    const levels = new Map<AccessLevel, LevelGrant>(ACCESS_LEVELS.map((level) => [level, { level, allowed: 0, total: 0, actions: [] }]));
    const grants = new Map<Owned, true>();
    const partial = new Map<Owned, true>();
    const denied: string[] = [];
    let outsideBoundary = 0;
    let allowed = 0;
    for (const action of service.actions) {
      const lower = `${prefix}:${action.name.toLowerCase()}`;
      const grant = levels.get(action.level) ?? levels.get('Write')!;
      grant.total++;
      const granting = serviceAllows.filter((o) => statementCoversAction(o.statement, lower));
      if (granting.length === 0) continue;
      if (serviceBoundary && !serviceBoundary.some((o) => statementCoversAction(o.statement, lower))) {
        outsideBoundary++;
        continue;
      }
      const denying = serviceDenies.filter((o) => statementCoversAction(o.statement, lower));
      if (denying.some((o) => unscoped(o.statement) && o.statement.conditions.length === 0)) {
        denied.push(action.name);
        continue;
      }
      for (const o of denying) partial.set(o, true);
      for (const o of granting) grants.set(o, true);
      grant.allowed++;
      grant.actions.push(action.name);
      allowed++;
    }
    if (allowed === 0 && denied.length === 0 && outsideBoundary === 0) continue;
    services.push({
      prefix: service.prefix,
      name: service.name,
      allowed,
      total: service.actions.length,
      levels: [...levels.values()].filter((l) => l.total > 0),
      grants: [...grants.keys()].map(trace),
      denied,
      partialDenies: [...partial.keys()].map(trace),
      outsideBoundary,
    });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  return { services, fullServices: services.filter((s) => s.allowed === s.total && s.total > 0).length };
}
