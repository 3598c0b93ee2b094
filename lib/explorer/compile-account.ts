// Compiles every policy of an account snapshot once (managed policies by ARN, inline and trust policies by
// owner) and assembles each user's and role's policy set from the shared compiled policies.
import { compilePolicy, PolicyParseError, type CompiledPolicy, type PolicySet, type PolicyType, type RequestContext } from '@/lib/policy';
import type { AccountSnapshot, EntityRef, SnapshotAttachedPolicy, SnapshotInlinePolicy, SnapshotRole, SnapshotUser } from './types';

/** What a compiled policy is, for people: its name and where it lives. */
export interface PolicyLabel {
  id: string;
  name: string;
  kind: 'managed' | 'inline' | 'trust';
  /** Managed policies: the ARN. */
  arn?: string;
  /** Inline and trust policies: the user, group or role that holds it. */
  owner?: EntityRef;
}

/** A policy that could not be compiled; it takes no part in evaluation, and the explorer says so. */
export interface PolicyProblem {
  policyId: string;
  name: string;
  message: string;
}

/** One user's or role's policies, ready for the engine. */
export interface PrincipalPolicies {
  ref: EntityRef;
  arn: string;
  path: string;
  set: PolicySet;
  /** The caller's own condition keys (aws:username, aws:PrincipalArn, aws:PrincipalTag/…). */
  context: RequestContext;
  /** How each policy reaches the principal: 'attached', 'inline', 'boundary', 'group Developers', … */
  sources: Map<string, string[]>;
  /** Policies that could not be read or compiled (the principal is evaluated without them). */
  warnings: string[];
}

/** The compiled account. Arrays are aligned with the snapshot's users and roles. */
export interface CompiledAccount {
  snapshot: AccountSnapshot;
  labels: Map<string, PolicyLabel>;
  problems: PolicyProblem[];
  users: PrincipalPolicies[];
  roles: PrincipalPolicies[];
  /** Each role's compiled trust policy (undefined when it could not be compiled). */
  trust: (CompiledPolicy | undefined)[];
}

/** The id of an inline policy: unique per owner. */
export function inlinePolicyId(owner: EntityRef, policyName: string): string {
  return `inline:${owner.type}/${owner.name}/${policyName}`;
}

/** The id of a role's trust policy. */
export function trustPolicyId(roleName: string): string {
  return `trust:role/${roleName}`;
}

function messageOf(error: unknown): string {
  if (error instanceof PolicyParseError) return error.findings.map((f) => f.message).join(' ') || error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Compiles the snapshot: each managed policy once, however many principals it is attached to. */
export function compileAccount(snapshot: AccountSnapshot): CompiledAccount {
  const steps = compileAccountInSteps(snapshot);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same compilation, one unit of work (a managed policy, a user, a role) per `next()`; each yield reports the
 * units done and the total, so that a browser can spread the work over several frames.
 */
export function* compileAccountInSteps(snapshot: AccountSnapshot): Generator<{ done: number; total: number }, CompiledAccount> {
  const labels = new Map<string, PolicyLabel>();
  const problems: PolicyProblem[] = [];
  const compiled = new Map<string, CompiledPolicy | null>();

  // Each distinct document is parsed and compiled once per kind (inline policies are often copies of one another);
  // every policy id gets its own shallow copy, with its own id and per-action cache, sharing the statements.
  const byDocument = new Map<string, CompiledPolicy | { error: string }>();
  const compile = (id: string, label: PolicyLabel, text: string, type: PolicyType): CompiledPolicy | null => {
    const known = compiled.get(id);
    if (known !== undefined) return known;
    labels.set(id, label);
    const documentKey = `${type}\u0000${text}`;
    let base = byDocument.get(documentKey);
    if (base === undefined) {
      try {
        base = compilePolicy(text, { policyId: id, policyType: type });
      } catch (error) {
        base = { error: messageOf(error) };
      }
      byDocument.set(documentKey, base);
    }
    let policy: CompiledPolicy | null = null;
    if ('error' in base) problems.push({ policyId: id, name: label.name, message: base.error });
    else policy = base.policyId === id ? base : { ...base, policyId: id, actionCache: new Map() };
    compiled.set(id, policy);
    return policy;
  };

  const managedDocs = new Map(snapshot.policies.map((p) => [p.arn, p]));
  const managed = (arn: string, name: string, type: PolicyType): CompiledPolicy | null | undefined => {
    const doc = managedDocs.get(arn);
    if (!doc) return undefined;
    const id = type === 'boundary' ? `boundary:${arn}` : arn;
    return compile(id, { id, name: doc.name || name, kind: 'managed', arn }, doc.document, type);
  };
  const inline = (owner: EntityRef, policy: SnapshotInlinePolicy) =>
    compile(
      inlinePolicyId(owner, policy.name),
      { id: inlinePolicyId(owner, policy.name), name: policy.name, kind: 'inline', owner },
      policy.document,
      'identity',
    );

  const groups = new Map(snapshot.groups.map((g) => [g.name, g]));

  const assemble = (
    ref: EntityRef,
    principal: { arn: string; path: string; inline: SnapshotInlinePolicy[]; attached: SnapshotAttachedPolicy[]; boundaryArn?: string },
    groupNames: string[],
    context: RequestContext,
  ): PrincipalPolicies => {
    const identity: CompiledPolicy[] = [];
    const sources = new Map<string, string[]>();
    const warnings: string[] = [];
    const add = (policy: CompiledPolicy | null | undefined, source: string, name: string) => {
      if (policy === undefined) {
        warnings.push(`The document of ${name} (${source}) could not be read; it is left out.`);
        return;
      }
      if (policy === null) {
        warnings.push(`${name} (${source}) could not be compiled; it is left out.`);
        return;
      }
      const list = sources.get(policy.policyId);
      if (list) {
        list.push(source);
        if (identity.includes(policy)) return;
      } else sources.set(policy.policyId, [source]);
      identity.push(policy);
    };
    for (const p of principal.inline) add(inline(ref, p), 'inline', p.name);
    for (const p of principal.attached) add(managed(p.arn, p.name, 'identity'), 'attached', p.name);
    for (const groupName of groupNames) {
      const group = groups.get(groupName);
      if (!group) {
        warnings.push(`Group ${groupName} is not in the snapshot; its policies are left out.`);
        continue;
      }
      const groupRef: EntityRef = { type: 'group', name: group.name };
      for (const p of group.inline) add(inline(groupRef, p), `group ${group.name} (inline)`, p.name);
      for (const p of group.attached) add(managed(p.arn, p.name, 'identity'), `group ${group.name}`, p.name);
    }
    const set: PolicySet = { identity };
    if (principal.boundaryArn) {
      const boundary = managed(principal.boundaryArn, principal.boundaryArn.split('/').pop() ?? principal.boundaryArn, 'boundary');
      // Fail closed: a boundary that cannot be read or compiled allows nothing (an empty boundary part).
      set.boundary = boundary ? [boundary] : [];
      if (boundary) sources.set(boundary.policyId, ['boundary']);
      else warnings.push(`The permissions boundary ${principal.boundaryArn} could not be read; nothing is allowed through it.`);
    }
    return { ref, arn: principal.arn, path: principal.path, set, context, sources, warnings };
  };

  const total = snapshot.policies.length + snapshot.users.length + snapshot.roles.length;
  let done = 0;
  // Managed policies first, one per step: the large ones (ReadOnlyAccess) take the longest.
  const attachedAnywhere = new Set<string>();
  for (const owner of [...snapshot.users, ...snapshot.groups, ...snapshot.roles])
    for (const p of owner.attached) attachedAnywhere.add(p.arn);
  for (const policy of snapshot.policies) {
    if (attachedAnywhere.has(policy.arn)) managed(policy.arn, policy.name, 'identity');
    yield { done: ++done, total };
  }
  const users: PrincipalPolicies[] = [];
  for (const user of snapshot.users) {
    users.push(assemble({ type: 'user', name: user.name }, user, user.groups, userContext(snapshot, user)));
    yield { done: ++done, total };
  }
  const roles: PrincipalPolicies[] = [];
  const trust: (CompiledPolicy | undefined)[] = [];
  for (const role of snapshot.roles) {
    roles.push(assemble({ type: 'role', name: role.name }, role, [], roleContext(snapshot, role)));
    const id = trustPolicyId(role.name);
    trust.push(
      compile(id, { id, name: 'Trust policy', kind: 'trust', owner: { type: 'role', name: role.name } }, role.trustPolicy, 'trust') ??
        undefined,
    );
    yield { done: ++done, total };
  }
  return { snapshot, labels, problems, users, roles, trust };
}

function tagKeys(tags: Record<string, string>): RequestContext {
  const out: RequestContext = {};
  const keys = Object.keys(tags);
  for (const key of keys) out[`aws:PrincipalTag/${key}`] = tags[key];
  return out;
}

/** The global condition keys IAM sets for a request made by this user. */
export function userContext(snapshot: AccountSnapshot, user: SnapshotUser): RequestContext {
  return {
    'aws:username': user.name,
    'aws:userid': user.id,
    'aws:PrincipalArn': user.arn,
    'aws:PrincipalAccount': snapshot.accountId,
    'aws:PrincipalType': 'User',
    ...tagKeys(user.tags),
  };
}

/** The global condition keys IAM sets for a request made by a session of this role. */
export function roleContext(snapshot: AccountSnapshot, role: SnapshotRole): RequestContext {
  return {
    'aws:userid': `${role.id}:explorer`,
    'aws:PrincipalArn': role.arn,
    'aws:PrincipalAccount': snapshot.accountId,
    'aws:PrincipalType': 'AssumedRole',
    ...tagKeys(role.tags),
  };
}

/** The principal's context with the question's keys on top (keys compared ignoring case, as IAM does). */
export function mergeContext(base: RequestContext, extra: Record<string, string[]>): RequestContext {
  const extraKeys = Object.keys(extra);
  if (extraKeys.length === 0) return base;
  const lower = new Set(extraKeys.map((k) => k.toLowerCase()));
  const out: RequestContext = {};
  for (const key of Object.keys(base)) if (!lower.has(key.toLowerCase())) out[key] = base[key];
  for (const key of extraKeys) out[key] = extra[key].length === 1 ? extra[key][0] : extra[key];
  return out;
}
