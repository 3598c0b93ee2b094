// The compiled policy set of a calling principal, cached per principal and store policy generation.
import { BoundedCache } from '../core/bounded-cache';
import type { Principal } from '../core/context';
import { compilePolicy, PolicyParseError, referencedContextKeys, type CompiledPolicy, type PolicySet, type PolicyType } from '../policy';
import type { Store } from '../store/types';
import { boundaryDocument, entityPolicyDocuments, type EntityPolicyDocument, type PolicySources } from './entity-policies';
import { policyGeneration } from './generation';
import { managedPolicyDocument } from './managed-policy-documents';

/** What the authorizer needs of a principal, computed once per policy generation. */
export interface PrincipalPolicies {
  policySet: PolicySet;
  /** `aws:PrincipalTag/*`: the user's or role's tags, overridden by session tags. */
  principalTags: Record<string, string>;
  /** The entity's permissions boundary ARN (for `iam:PermissionsBoundary` on self-targeted calls). */
  boundaryArn?: string;
  /** The role's ARN with its path, for a role session's `aws:PrincipalArn`. */
  roleArn?: string;
  /** Stored policies of the principal that do not compile (names or ARNs): every request is denied while any remains. */
  uncompilable: string[];
  /** True when some policy reads `aws:ResourceTag/*` or `iam:ResourceTag/*` (so the target's tags are looked up). */
  readsResourceTags: boolean;
  generation: number;
  /** @internal What the set was built from: the user's or role's name (lower case) and its sources. */
  builtFrom?: PolicySources & { userName?: string; roleName?: string };
  /** @internal The principal's own condition keys (built once, see request-context.ts). */
  principalKeys?: Record<string, string | string[] | undefined>;
}

const CACHE_LIMIT = 10_000;
const ROOT_PERMISSIONS = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const COMPILED_LIMIT = 20_000;
const DENY_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';

/** Compiled policies by policy id, type and text: principals sharing a policy share its compiled form and action cache. */
const compiledByText = new BoundedCache<string, CompiledPolicy>(COMPILED_LIMIT);
const caches = new WeakMap<Store, BoundedCache<string, PrincipalPolicies>>();

/**
 * A stored document that does not compile (older data, a future bug) fails closed: it stands for a policy that
 * denies everything, so the principals it applies to are refused rather than judged without it.
 */
function failClosed(doc: EntityPolicyDocument, policyType: PolicyType): CompiledPolicy {
  const denyAll = compilePolicy(DENY_ALL, { policyId: doc.policyId, policyType });
  return { ...denyAll, uncompilable: doc.policyArn ?? doc.policyId };
}

/** Compiles a stored policy; one that does not compile comes back as a deny-everything policy marked `uncompilable`. */
export function compileStored(doc: EntityPolicyDocument, policyType: PolicyType): CompiledPolicy {
  const key = `${policyType}\u0000${doc.policyId}\u0000${doc.policyArn ?? ''}\u0000${doc.document}`;
  let compiled = compiledByText.get(key);
  if (compiled === undefined) {
    try {
      compiled = compilePolicy(doc.document, { policyId: doc.policyId, policyType });
    } catch (error) {
      const reason = error instanceof PolicyParseError ? error.message : String(error);
      console.error(
        `[gatehouse] stored policy ${doc.policyArn ?? doc.policyId} does not compile (${reason}); access is denied to the principals it applies to`,
      );
      compiled = failClosed(doc, policyType);
    }
    compiledByText.set(key, compiled);
  }
  return compiled;
}

function compileAll(docs: EntityPolicyDocument[], policyType: PolicyType): CompiledPolicy[] {
  return docs.map((doc) => compileStored(doc, policyType));
}

function tagsAsRecord(tags: { Key: string; Value: string }[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags) record[tag.Key] = tag.Value;
  return record;
}

function cacheKey(principal: Principal): string {
  const perSession =
    principal.temporary ||
    principal.type === 'AssumedRole' ||
    !!principal.sessionPolicies?.length ||
    !!principal.sessionPolicyArns?.length ||
    !!principal.sessionTags;
  return `${principal.type}|${principal.principalId}|${perSession ? (principal.accessKeyId ?? '') : ''}`;
}

/** The session policies of a temporary principal (inline `Policy` and `PolicyArns`), undefined when it has none. */
async function sessionPolicies(store: Store, principal: Principal, sources: PolicySources): Promise<CompiledPolicy[] | undefined> {
  const texts = principal.sessionPolicies ?? [];
  const arns = principal.sessionPolicyArns ?? [];
  if (texts.length === 0 && arns.length === 0) return undefined;
  const out: CompiledPolicy[] = [];
  texts.forEach((document, i) => {
    out.push(compileStored({ policyId: `SessionPolicy.${i + 1}`, sourceType: 'none', document }, 'session'));
  });
  for (const arn of arns) {
    const managed = await managedPolicyDocument(store, arn);
    sources.policyArns.add(arn);
    if (!managed) {
      sources.unresolved = true;
      continue;
    }
    out.push(
      compileStored({ policyId: managed.policyName, sourceType: 'user-managed', policyArn: arn, document: managed.document }, 'session'),
    );
  }
  // Session policies that exist but none resolves still narrow the session to nothing (fail closed).
  return out;
}

function readsResourceTags(policies: CompiledPolicy[]): boolean {
  return referencedContextKeys(policies).some((key) => /^(aws|iam):resourcetag\//i.test(key));
}

async function compute(store: Store, principal: Principal, generation: number): Promise<PrincipalPolicies> {
  let identity: CompiledPolicy[] = [];
  let boundary: CompiledPolicy[] | undefined;
  let principalTags: Record<string, string> = {};
  let boundaryArn: string | undefined;
  let roleArn: string | undefined;
  const sources: PolicySources & { userName?: string; roleName?: string } = { groups: new Set(), policyArns: new Set(), unresolved: false };
  if (principal.type === 'IAMUser' && principal.userId) {
    const user = await store.users.getById(principal.userId);
    if (user) {
      sources.userName = user.userName.toLowerCase();
      identity = compileAll(await entityPolicyDocuments(store, 'user', user.userId, sources), 'identity');
      principalTags = tagsAsRecord(await store.tags.list('user', user.userId));
      boundaryArn = user.permissionsBoundaryArn;
    }
  } else if (principal.type === 'FederatedUser') {
    // A GetFederationToken session: its parent user's policies (root's: everything), narrowed by its session policies.
    const user = principal.userId ? await store.users.getById(principal.userId) : undefined;
    if (user) {
      sources.userName = user.userName.toLowerCase();
      identity = compileAll(await entityPolicyDocuments(store, 'user', user.userId, sources), 'identity');
      // The federated user's principal tags are its user's, which its session tags override (GetFederationToken API
      // reference, Tags: "session tags override a user tag with the same key").
      principalTags = tagsAsRecord(await store.tags.list('user', user.userId));
      boundaryArn = user.permissionsBoundaryArn;
    } else if (!principal.userId) {
      identity = [compileStored({ policyId: 'RootFederation', sourceType: 'none', document: ROOT_PERMISSIONS }, 'identity')];
    }
  } else if (principal.type === 'AssumedRole' && principal.roleId) {
    const role = await store.roles.getById(principal.roleId);
    if (role) {
      sources.roleName = role.roleName.toLowerCase();
      identity = compileAll(await entityPolicyDocuments(store, 'role', role.roleId, sources), 'identity');
      principalTags = tagsAsRecord(await store.tags.list('role', role.roleId));
      boundaryArn = role.permissionsBoundaryArn;
      roleArn = `arn:aws:iam::${principal.accountId}:role${role.path}${role.roleName}`;
    }
  }
  if (boundaryArn) {
    const doc = await boundaryDocument(store, boundaryArn);
    sources.policyArns.add(boundaryArn);
    if (!doc) sources.unresolved = true;
    const compiled = doc ? compileStored(doc, 'boundary') : undefined;
    // A boundary that cannot be resolved allows nothing (fail closed).
    boundary = compiled ? [compiled] : [];
  }
  if (principal.sessionTags) principalTags = { ...principalTags, ...principal.sessionTags };
  const session = await sessionPolicies(store, principal, sources);
  const policySet: PolicySet = { identity, boundary, session };
  const all = [...identity, ...(boundary ?? []), ...(session ?? [])];
  const uncompilable = all.flatMap((policy) => (policy.uncompilable === undefined ? [] : [policy.uncompilable]));
  return {
    policySet,
    uncompilable,
    principalTags,
    boundaryArn,
    roleArn: roleArn ?? principal.roleArn,
    readsResourceTags: readsResourceTags(all),
    generation,
    builtFrom: sources,
  };
}

/**
 * Forgets the cached policy sets a write of one policy document can change, instead of every cached set (a
 * generation bump): the write names what it changes, and each set records what it was built from. Returns
 * false for writes it does not know (the caller bumps the generation then). Runs before the write, as the
 * bump does; nothing else the generation guards (entity lookups) depends on these writes.
 */
export function invalidateForPolicyWrite(store: Store, action: string, input: Record<string, unknown>): boolean {
  const name = (key: string) => (typeof input[key] === 'string' ? (input[key] as string).toLowerCase() : undefined);
  let stale: ((from: NonNullable<PrincipalPolicies['builtFrom']>) => boolean) | undefined;
  switch (action) {
    // The trust policy is read by AssumeRole* from the store each time; no cached set holds it.
    case 'UpdateAssumeRolePolicy':
      return true;
    case 'PutUserPolicy':
    case 'DeleteUserPolicy': {
      const userName = name('UserName');
      stale = (from) => from.userName === userName;
      break;
    }
    case 'PutRolePolicy':
    case 'DeleteRolePolicy': {
      const roleName = name('RoleName');
      stale = (from) => from.roleName === roleName;
      break;
    }
    case 'PutGroupPolicy':
    case 'DeleteGroupPolicy': {
      const groupName = name('GroupName');
      stale = (from) => groupName !== undefined && from.groups.has(groupName);
      break;
    }
    case 'CreatePolicyVersion':
    case 'DeletePolicyVersion':
    case 'SetDefaultPolicyVersion': {
      const arn = input.PolicyArn;
      stale = (from) => typeof arn === 'string' && from.policyArns.has(arn);
      break;
    }
    // A new policy can only matter where an ARN referenced (attached, boundary, session) did not resolve.
    case 'CreatePolicy':
      stale = (from) => from.unresolved;
      break;
    default:
      return false;
  }
  // Without the name a write acts on (the operation will refuse it), forget everything.
  if (
    /User|Role|Group/.test(action) &&
    !/AssumeRole/.test(action) &&
    name(action.includes('User') ? 'UserName' : action.includes('Role') ? 'RoleName' : 'GroupName') === undefined
  )
    return false;
  if (/PolicyVersion$/.test(action) && typeof input.PolicyArn !== 'string') return false;
  const cache = caches.get(store.root);
  if (cache === undefined) return true;
  // Keys first, deletions after: no cache is changed while it is being iterated.
  const staleKeys: string[] = [];
  for (const [key, entry] of cache) {
    // A set without its sources (never: compute records them) is dropped: unknown means stale.
    if (entry.builtFrom === undefined || stale(entry.builtFrom)) staleKeys.push(key);
  }
  for (const key of staleKeys) cache.delete(key);
  return true;
}

/**
 * The principal's policies, compiled. Cached by principal (and session) and invalidated by the store's policy
 * generation, so a change of policy, attachment, membership, tag or boundary applies to the very next request.
 */
export async function principalPolicies(store: Store, principal: Principal): Promise<PrincipalPolicies> {
  const generation = policyGeneration(store);
  let cache = caches.get(store.root);
  if (cache === undefined) {
    cache = new BoundedCache(CACHE_LIMIT);
    caches.set(store.root, cache);
  }
  const key = cacheKey(principal);
  const cached = cache.get(key);
  if (cached !== undefined && cached.generation === generation) return cached;
  const computed = await compute(store, principal, generation);
  cache.set(key, computed);
  return computed;
}
