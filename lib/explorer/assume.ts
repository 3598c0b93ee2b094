// Who may assume which role in a compiled account: the role-trust rule of lib/policy (judgeRoleTrust) applied to
// every user and role (a role stands for a session of it, so role chaining is an edge like any other), computed
// per target role on demand and cached; candidates are narrowed by what the trust policy's Principal names.
import { authorize, type AuthorizationRequest } from '@/lib/policy';
import { explainRoleTrust, judgeRoleTrust, type RoleTrustResult } from '@/lib/policy/role-trust';
import { ArnIndex, mayAllow, resourceReach } from './actions-allowed';
import { mergeContext, type CompiledAccount, type PrincipalPolicies } from './compile-account';

const ASSUME_ROLE = 'sts:AssumeRole';

/** A caller of the account: a user (index into account.users) or a role (index into account.roles). */
export interface PrincipalKey {
  kind: 'user' | 'role';
  index: number;
}

/** One "can assume" edge: the caller, the role, and the rule's result. */
export interface AssumeEdge {
  from: PrincipalKey;
  roleIndex: number;
  result: RoleTrustResult;
}

/** The principal of a key. */
export function principalOf(account: CompiledAccount, key: PrincipalKey): PrincipalPolicies {
  return key.kind === 'user' ? account.users[key.index] : account.roles[key.index];
}

/** A stable string for a key: `user:3`, `role:12`. */
export const keyId = (key: PrincipalKey) => `${key.kind}:${key.index}`;

/** The request of `caller` assuming the role. */
export function assumeRequest(
  account: CompiledAccount,
  caller: PrincipalPolicies,
  roleIndex: number,
  action = ASSUME_ROLE,
): AuthorizationRequest {
  const accountId = account.snapshot.accountId;
  return {
    action,
    resource: account.roles[roleIndex].arn,
    principal: { arn: caller.arn, accountId },
    resourceAccount: accountId,
    context: mergeContext(caller.context, {}),
  };
}

/** The rule's decision on one caller assuming one role. */
export function judgeAssume(account: CompiledAccount, caller: PrincipalPolicies, roleIndex: number): RoleTrustResult {
  return judgeRoleTrust({ request: assumeRequest(account, caller, roleIndex), trust: account.trust[roleIndex], caller: caller.set });
}

/** The full explanation of one caller assuming one role (for the statements to show). */
export function explainAssume(account: CompiledAccount, caller: PrincipalPolicies, roleIndex: number) {
  return explainRoleTrust({ request: assumeRequest(account, caller, roleIndex), trust: account.trust[roleIndex], caller: caller.set });
}

/** Index of the account's users and roles by ARN, and of roles by `roleName` (ARNs in trust policies may lack the path). */
interface Lookup {
  userByArn: Map<string, number>;
  roleByName: Map<string, number>;
}

const shared = new WeakMap<CompiledAccount, AssumeIndex>();

/** The account's one AssumeIndex, shared by who-can, the escalation analysis and the graphs (assumers are kept). */
export function assumeIndexOf(account: CompiledAccount): AssumeIndex {
  let index = shared.get(account);
  if (!index) {
    index = new AssumeIndex(account);
    shared.set(account, index);
  }
  return index;
}

/** Who may assume each role; computed per role on first use and cached. */
export class AssumeIndex {
  private readonly assumersCache = new Map<number, AssumeEdge[]>();
  private readonly lookup: Lookup;
  /** Judged pairs so far (for progress and benchmarks). */
  judged = 0;

  constructor(readonly account: CompiledAccount) {
    this.lookup = {
      userByArn: new Map(account.users.map((u, i) => [u.arn, i])),
      roleByName: new Map(account.snapshot.roles.map((r, i) => [r.name, i])),
    };
  }

  /**
   * The callers whose request could be admitted by the trust policy: everyone when an Allow statement names `*` or
   * uses NotPrincipal; the users and roles its Principal names; and, when it names the account (delegation), every
   * caller whose identity policies have an Allow covering sts:AssumeRole. An unreadable trust policy admits nobody.
   */
  candidates(roleIndex: number, skip?: (key: PrincipalKey) => boolean): PrincipalKey[] {
    const trust = this.account.trust[roleIndex];
    if (!trust) return [];
    const accountId = this.account.snapshot.accountId;
    const named: PrincipalKey[] = [];
    const seen = new Set<string>();
    let delegates = false;
    const add = (key: PrincipalKey) => {
      const id = keyId(key);
      if (skip?.(key)) return;
      if (!seen.has(id)) {
        seen.add(id);
        named.push(key);
      }
    };
    for (const statement of trust.allowStatements) {
      const p = statement.principal;
      if (statement.notPrincipal || !p || p.any) return skip ? this.everyone().filter((key) => !skip(key)) : this.everyone();
      // Naming the account delegates to identity policies: only callers whose policies could allow it are candidates.
      if (p.accounts.has(accountId)) delegates = true;
      for (const arn of p.arns) {
        const user = this.lookup.userByArn.get(arn);
        if (user !== undefined) add({ kind: 'user', index: user });
      }
      for (const key of p.roles) {
        const [account, name] = key.split('/');
        const role = account === accountId ? this.lookup.roleByName.get(name) : undefined;
        if (role !== undefined) add({ kind: 'role', index: role });
      }
    }
    if (delegates) {
      // Callers not named must be allowed by their own policies (delegation): check that first, it is cheaper.
      const namedIds = new Set(seen);
      for (const key of this.delegationCandidates(roleIndex)) {
        if (namedIds.has(keyId(key)) || skip?.(key)) continue;
        const caller = principalOf(this.account, key);
        if (authorize(assumeRequest(this.account, caller, roleIndex), caller.set) !== 'allowed') continue;
        add(key);
      }
    }
    return named;
  }

  private capableByRole: PrincipalKey[][] | undefined;

  /**
   * Per role, the users and roles with some Allow statement covering sts:AssumeRole whose Resource could name the
   * role's ARN (computed once for all roles; the engine still decides each pair).
   */
  private delegationCandidates(roleIndex: number): PrincipalKey[] {
    if (!this.capableByRole) {
      const byRole: PrincipalKey[][] = this.account.roles.map(() => []);
      const roleArns = new ArnIndex(this.account.roles.map((r) => r.arn));
      for (const key of this.everyone()) {
        const identity = principalOf(this.account, key).set.identity;
        if (!mayAllow(identity, ASSUME_ROLE)) continue;
        for (const index of roleArns.matching(resourceReach(identity, ASSUME_ROLE))) byRole[index].push(key);
      }
      this.capableByRole = byRole;
    }
    return this.capableByRole[roleIndex];
  }

  private everyone(): PrincipalKey[] {
    const out: PrincipalKey[] = [];
    for (let i = 0; i < this.account.users.length; i++) out.push({ kind: 'user', index: i });
    for (let i = 0; i < this.account.roles.length; i++) out.push({ kind: 'role', index: i });
    return out;
  }

  /** Every user and role allowed to assume the role (a role never counts as assuming itself). */
  assumers(roleIndex: number): AssumeEdge[] {
    const cached = this.assumersCache.get(roleIndex);
    if (cached) return cached;
    const edges: AssumeEdge[] = [];
    for (const from of this.candidates(roleIndex)) {
      if (from.kind === 'role' && from.index === roleIndex) continue;
      this.judged++;
      const result = judgeAssume(this.account, principalOf(this.account, from), roleIndex);
      if (result.decision === 'allowed') edges.push({ from, roleIndex, result });
    }
    this.assumersCache.set(roleIndex, edges);
    return edges;
  }

  /**
   * The assumers of the role other than those `skip` leaves out, judging only those (who-can, which needs only the
   * callers it has not reached yet); the full list when it is already known.
   */
  assumersExcept(roleIndex: number, skip: (key: PrincipalKey) => boolean): AssumeEdge[] {
    const cached = this.assumersCache.get(roleIndex);
    if (cached) return cached.filter((e) => !skip(e.from));
    const edges: AssumeEdge[] = [];
    for (const from of this.candidates(roleIndex, skip)) {
      if (from.kind === 'role' && from.index === roleIndex) continue;
      this.judged++;
      const result = judgeAssume(this.account, principalOf(this.account, from), roleIndex);
      if (result.decision === 'allowed') edges.push({ from, roleIndex, result });
    }
    return edges;
  }

  /** Whether `assumers(roleIndex)` is already known (no work to do). */
  has(roleIndex: number): boolean {
    return this.assumersCache.has(roleIndex);
  }
}
