// "Who can do X on Y": every user and role of a compiled account judged locally with lib/policy, in steps small
// enough to keep a browser responsive; users who can reach the action by assuming an allowed role are found by
// judging sts:AssumeRole against the role's trust policy and the user's own policies.
import { authorize, explain, type AuthorizationRequest, type CompiledPolicy, type Decision, type Explanation, type PolicySetRole, type StatementOutcome } from '@/lib/policy';
import { mergeContext, type CompiledAccount, type PrincipalPolicies } from './compile-account';
import type { EntityRef } from './types';

/** The question: an action, a resource ARN (or `*`) and extra condition keys. */
export interface WhoCanQuestion {
  action: string;
  resource: string;
  context: Record<string, string[]>;
}

/** A statement that decided, named as people know it. */
export interface DecidingStatement {
  policyId: string;
  policyName: string;
  sid?: string;
  statementIndex: number;
  effect: 'Allow' | 'Deny';
  role: PolicySetRole;
  /** How the policy reaches the principal ('attached', 'group Developers', 'boundary', 'trust policy of deployer'). */
  via: string[];
}

/** The verdict on one principal. `viaRole` is set for users who reach the action by assuming a role. */
export interface PrincipalVerdict {
  ref: EntityRef;
  arn: string;
  path: string;
  decision: Decision;
  deciding: DecidingStatement[];
  /** Why an implicit deny happened, or what limited an allow. */
  note?: string;
  viaRole?: { role: string; assume: DecidingStatement[] };
  warnings: string[];
}

/** Progress of a run: units done of the (estimated) total. */
export interface WhoCanProgress {
  done: number;
  total: number;
  finished: boolean;
}

/** The verdicts so far, grouped as the explorer shows them. */
export interface WhoCanResults {
  allowed: PrincipalVerdict[];
  /** Users allowed through a role they may assume. */
  throughRole: PrincipalVerdict[];
  explicitDeny: PrincipalVerdict[];
  implicitDeny: PrincipalVerdict[];
}

const ASSUME_ROLE = 'sts:AssumeRole';

/** Checks the question; returns a message for a person, or undefined when it can be asked. */
export function questionProblem(question: WhoCanQuestion): string | undefined {
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(question.action.trim())) return 'Enter one action as service:Action, e.g. iam:CreateUser (no wildcards).';
  const resource = question.resource.trim();
  if (resource !== '*' && !resource.startsWith('arn:')) return 'Enter a resource ARN (arn:…) or * for all resources.';
  return undefined;
}

function decidingOf(outcomes: StatementOutcome[], account: CompiledAccount, principal: PrincipalPolicies | undefined): DecidingStatement[] {
  return outcomes.map((o) => {
    const label = account.labels.get(o.policyId);
    const via = principal?.sources.get(o.policyId) ?? (label?.kind === 'trust' ? [`trust policy of ${label.owner?.name}`] : []);
    return { policyId: o.policyId, policyName: label?.name ?? o.policyId, sid: o.sid, statementIndex: o.statementIndex, effect: o.effect, role: o.role, via };
  });
}

/** Explains an implicit deny in one sentence: which part failed to allow. */
function implicitDenyNote(explanation: Explanation, action: string): string {
  if (explanation.identityDecision === 'allowed' && explanation.boundaryDecision === 'implicitDeny') return `An identity policy allows ${action}, but the permissions boundary does not.`;
  if (explanation.identityDecision === 'allowed' && explanation.resourceDecision === 'implicitDeny') return `An identity policy allows ${action}, but the trust policy does not.`;
  if (explanation.resourceDecision === 'allowed' && explanation.identityDecision === 'implicitDeny') return `The trust policy allows it, but no identity policy allows ${action}.`;
  return `No statement allows ${action}.`;
}

function verdictOf(principal: PrincipalPolicies, explanation: Explanation, account: CompiledAccount, action: string): PrincipalVerdict {
  const verdict: PrincipalVerdict = {
    ref: principal.ref,
    arn: principal.arn,
    path: principal.path,
    decision: explanation.decision,
    deciding: decidingOf(explanation.decidingStatements, account, principal),
    warnings: principal.warnings,
  };
  if (explanation.decision === 'implicitDeny') {
    verdict.note = implicitDenyNote(explanation, action);
    if (explanation.unevaluable) verdict.note += ' Some condition could not be evaluated (fail closed).';
    else if (explanation.missingContextKeys.length > 0) verdict.note += ` Context keys the conditions read but the question lacks: ${explanation.missingContextKeys.join(', ')}.`;
  }
  return verdict;
}

function requestFor(principal: PrincipalPolicies, account: CompiledAccount, action: string, resource: string, context: Record<string, string[]>): AuthorizationRequest {
  return {
    action,
    resource,
    principal: { arn: principal.arn, accountId: account.snapshot.accountId },
    context: mergeContext(principal.context, context),
  };
}

/**
 * Whether some Allow statement of a trust policy could admit this account's IAM users: `'all'` (any principal or
 * the account, which delegates to identity policies), a set of user ARNs, or `'none'` (services only). A
 * NotPrincipal Allow cannot be judged this way and counts as `'all'`.
 */
export function trustAdmitsUsers(trust: CompiledPolicy, accountId: string): 'all' | 'none' | Set<string> {
  const arns = new Set<string>();
  for (const statement of trust.allowStatements) {
    if (statement.notPrincipal || !statement.principal) return 'all';
    const p = statement.principal;
    if (p.any || p.accounts.has(accountId)) return 'all';
    for (const arn of p.arns) if (arn.includes(':user/')) arns.add(arn);
  }
  return arns.size > 0 ? arns : 'none';
}

/** A who-can run over a compiled account; call `step` until it reports `finished`. */
export interface WhoCanRun {
  readonly results: WhoCanResults;
  /** Judges up to `budget` more principals (or user × role pairs) and reports progress. */
  step(budget: number): WhoCanProgress;
  progress(): WhoCanProgress;
}

/**
 * Starts a who-can run. Each principal is judged with `authorize` and explained (for the deciding statements);
 * then each user who is not allowed directly is judged for `sts:AssumeRole` on the allowed roles whose trust
 * policy could admit them (trust policy as the resource-based policy, the user's identity policies and
 * boundary, so that Deny statements of the trust policy count), stopping at the first role that works.
 */
export function startWhoCan(account: CompiledAccount, question: WhoCanQuestion): WhoCanRun {
  const action = question.action.trim();
  const resource = question.resource.trim() || '*';
  const results: WhoCanResults = { allowed: [], throughRole: [], explicitDeny: [], implicitDeny: [] };
  const users = account.users;
  const roles = account.roles;
  let userIndex = 0;
  let roleIndex = 0;
  /** Users not allowed directly (indexes), and allowed roles whose trust admits users, with their verdicts. */
  const deniedUsers: number[] = [];
  const candidateRoles: { index: number; admits: 'all' | Set<string>; verdict: PrincipalVerdict }[] = [];
  let pairUser = 0;
  let pairRole = 0;
  let pairsDone = 0;

  const record = (verdict: PrincipalVerdict) => {
    if (verdict.decision === 'allowed') results.allowed.push(verdict);
    else if (verdict.decision === 'explicitDeny') results.explicitDeny.push(verdict);
    else results.implicitDeny.push(verdict);
  };

  const judge = (principal: PrincipalPolicies) => {
    const request = requestFor(principal, account, action, resource, question.context);
    return verdictOf(principal, explain(request, principal.set), account, action);
  };

  const rolesDone = () => userIndex >= users.length && roleIndex >= roles.length;

  const progress = (): WhoCanProgress => {
    const finished = rolesDone() && pairUser >= deniedUsers.length;
    // Pairs are estimated at their worst (every candidate role tried for every remaining user).
    const pairsLeft = rolesDone() ? (deniedUsers.length - pairUser) * candidateRoles.length - pairRole : 0;
    const done = userIndex + roleIndex + pairsDone;
    return { done, total: users.length + roles.length + pairsDone + Math.max(0, pairsLeft), finished };
  };

  /** Whether the user may assume the candidate role; records the user as reaching the action through it. */
  const tryAssume = (user: PrincipalPolicies, candidate: (typeof candidateRoles)[number]): boolean => {
    if (candidate.admits !== 'all' && !candidate.admits.has(user.arn)) return false;
    const trust = account.trust[candidate.index]!;
    const role = roles[candidate.index];
    const set = { identity: user.set.identity, boundary: user.set.boundary, resource: [trust] };
    const request = requestFor(user, account, ASSUME_ROLE, role.arn, {});
    if (authorize(request, set) !== 'allowed') return false;
    results.throughRole.push({
      ref: user.ref,
      arn: user.arn,
      path: user.path,
      decision: 'allowed',
      deciding: candidate.verdict.deciding,
      viaRole: { role: role.ref.name, assume: decidingOf(explain(request, set).decidingStatements, account, user) },
      warnings: user.warnings,
    });
    return true;
  };

  const step = (budget: number): WhoCanProgress => {
    let left = Math.max(1, budget);
    while (left > 0 && userIndex < users.length) {
      const verdict = judge(users[userIndex]);
      record(verdict);
      if (verdict.decision !== 'allowed') deniedUsers.push(userIndex);
      userIndex++;
      left--;
    }
    while (left > 0 && roleIndex < roles.length) {
      const verdict = judge(roles[roleIndex]);
      record(verdict);
      const trust = account.trust[roleIndex];
      if (verdict.decision === 'allowed' && trust) {
        const admits = trustAdmitsUsers(trust, account.snapshot.accountId);
        if (admits !== 'none') candidateRoles.push({ index: roleIndex, admits, verdict });
      }
      roleIndex++;
      left--;
    }
    while (left > 0 && pairUser < deniedUsers.length) {
      if (pairRole >= candidateRoles.length) {
        pairUser++;
        pairRole = 0;
        continue;
      }
      const user = users[deniedUsers[pairUser]];
      pairsDone++;
      left--;
      if (tryAssume(user, candidateRoles[pairRole])) {
        // One role is enough to answer; the remaining candidates of this user count as done.
        pairsDone += candidateRoles.length - pairRole - 1;
        pairUser++;
        pairRole = 0;
      } else pairRole++;
    }
    return progress();
  };

  return { results, step, progress };
}

/** Runs a question to the end at once (tests, small accounts). */
export function whoCan(account: CompiledAccount, question: WhoCanQuestion): WhoCanResults {
  const run = startWhoCan(account, question);
  while (!run.step(1000).finished);
  return run.results;
}
