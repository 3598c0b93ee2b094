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
 * then, for every role that is allowed, each user whose trust-policy entry could match is judged for
 * `sts:AssumeRole` on the role's ARN (trust policy as the resource-based policy, the user's identity policies
 * and boundary), so that Deny statements of the trust policy count.
 */
export function startWhoCan(account: CompiledAccount, question: WhoCanQuestion): WhoCanRun {
  const action = question.action.trim();
  const resource = question.resource.trim() || '*';
  const results: WhoCanResults = { allowed: [], throughRole: [], explicitDeny: [], implicitDeny: [] };
  const users = account.users;
  const roles = account.roles;
  const allowedRoles: number[] = [];
  let userIndex = 0;
  let roleIndex = 0;
  // Pairs phase: position in allowedRoles and in users.
  let pairRole = 0;
  let pairUser = 0;
  let pairsDone = 0;
  const pairCandidates = new Map<number, 'all' | 'none' | Set<string>>();

  const record = (verdict: PrincipalVerdict) => {
    if (verdict.decision === 'allowed') results.allowed.push(verdict);
    else if (verdict.decision === 'explicitDeny') results.explicitDeny.push(verdict);
    else results.implicitDeny.push(verdict);
  };

  const judge = (principal: PrincipalPolicies) => {
    const request = requestFor(principal, account, action, resource, question.context);
    const explanation = explain(request, principal.set);
    return verdictOf(principal, explanation, account, action);
  };

  const estimatedPairs = () => {
    let total = 0;
    for (let i = pairRole; i < allowedRoles.length; i++) total += users.length;
    return total - pairUser + pairsDone;
  };

  const progress = (): WhoCanProgress => {
    const finished = userIndex >= users.length && roleIndex >= roles.length && pairRole >= allowedRoles.length;
    const done = userIndex + roleIndex + pairsDone;
    const total = users.length + roles.length + (roleIndex >= roles.length ? estimatedPairs() : 0);
    return { done, total: Math.max(total, done), finished };
  };

  const judgeAssume = (roleIdx: number, user: PrincipalPolicies) => {
    const trust = account.trust[roleIdx];
    if (!trust) return;
    const role = roles[roleIdx];
    const set = { identity: user.set.identity, boundary: user.set.boundary, resource: [trust] };
    const request = requestFor(user, account, ASSUME_ROLE, role.arn, {});
    if (authorize(request, set) !== 'allowed') return;
    const explanation = explain(request, set);
    results.throughRole.push({
      ref: user.ref,
      arn: user.arn,
      path: user.path,
      decision: 'allowed',
      deciding: (results.allowed.find((v) => v.ref.type === 'role' && v.ref.name === role.ref.name)?.deciding ?? []),
      viaRole: { role: role.ref.name, assume: decidingOf(explanation.decidingStatements, account, user) },
      warnings: user.warnings,
    });
  };

  const step = (budget: number): WhoCanProgress => {
    let left = Math.max(1, budget);
    while (left > 0 && userIndex < users.length) {
      record(judge(users[userIndex++]));
      left--;
    }
    while (left > 0 && roleIndex < roles.length) {
      const verdict = judge(roles[roleIndex]);
      record(verdict);
      if (verdict.decision === 'allowed') allowedRoles.push(roleIndex);
      roleIndex++;
      left--;
    }
    while (left > 0 && pairRole < allowedRoles.length) {
      const roleIdx = allowedRoles[pairRole];
      let admits = pairCandidates.get(roleIdx);
      if (admits === undefined) {
        const trust = account.trust[roleIdx];
        admits = trust ? trustAdmitsUsers(trust, account.snapshot.accountId) : 'none';
        pairCandidates.set(roleIdx, admits);
      }
      if (admits === 'none') {
        pairsDone += users.length - pairUser;
        left -= 1;
        pairRole++;
        pairUser = 0;
        continue;
      }
      while (left > 0 && pairUser < users.length) {
        const user = users[pairUser++];
        pairsDone++;
        if (admits === 'all' || admits.has(user.arn)) {
          judgeAssume(roleIdx, user);
          left--;
        } else if (pairUser % 64 === 0) left--;
      }
      if (pairUser >= users.length) {
        pairRole++;
        pairUser = 0;
      }
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
