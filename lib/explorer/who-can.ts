// "Who can do X on Y": every user and role of a compiled account judged locally with lib/policy, in steps small
// enough to keep a browser responsive; users and roles that reach the action through chains of sts:AssumeRole
// are found with the role-trust rule (lib/policy/role-trust.ts), over any number of hops.
import {
  explain,
  type AuthorizationRequest,
  type Decision,
  type Explanation,
  type PolicySetRole,
  type StatementOutcome,
} from '@/lib/policy';
import { mayMention } from './actions-allowed';
import { assumeIndexOf, explainAssume, keyId, principalOf, type AssumeIndex } from './assume';
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

/** One sts:AssumeRole hop of a chain: the role assumed and the statements that let the caller assume it. */
export interface RoleHop {
  role: string;
  assume: DecidingStatement[];
}

/** The verdict on one principal. `chain` is set for users and roles that reach the action by assuming roles. */
export interface PrincipalVerdict {
  ref: EntityRef;
  arn: string;
  path: string;
  decision: Decision;
  deciding: DecidingStatement[];
  /** Why an implicit deny happened, or what limited an allow. */
  note?: string;
  /** The first role assumed (the chain's first hop). */
  viaRole?: RoleHop;
  /** Every hop, first to last; the last role is allowed the action by `deciding`. */
  chain?: RoleHop[];
  warnings: string[];
}

/** Progress of a run: units done of the (estimated) total. */
export interface WhoCanProgress {
  done: number;
  total: number;
  finished: boolean;
  /** sts:AssumeRole judgements made so far (following role chains). */
  assumeChecks?: number;
}

/** The verdicts so far, grouped as the explorer shows them. */
export interface WhoCanResults {
  allowed: PrincipalVerdict[];
  /** Users and roles allowed through a chain of roles they may assume (shortest chain). */
  throughRole: PrincipalVerdict[];
  explicitDeny: PrincipalVerdict[];
  implicitDeny: PrincipalVerdict[];
}

/** Checks the question; returns a message for a person, or undefined when it can be asked. */
export function questionProblem(question: WhoCanQuestion): string | undefined {
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(question.action.trim()))
    return 'Enter one action as service:Action, e.g. iam:CreateUser (no wildcards).';
  const resource = question.resource.trim();
  if (resource !== '*' && !resource.startsWith('arn:')) return 'Enter a resource ARN (arn:…) or * for all resources.';
  return undefined;
}

function decidingOf(outcomes: StatementOutcome[], account: CompiledAccount, principal: PrincipalPolicies | undefined): DecidingStatement[] {
  return outcomes.map((o) => {
    const label = account.labels.get(o.policyId);
    const via = principal?.sources.get(o.policyId) ?? (label?.kind === 'trust' ? [`trust policy of ${label.owner?.name}`] : []);
    return {
      policyId: o.policyId,
      policyName: label?.name ?? o.policyId,
      sid: o.sid,
      statementIndex: o.statementIndex,
      effect: o.effect,
      role: o.role,
      via,
    };
  });
}

/** Explains an implicit deny in one sentence: which part failed to allow. */
function implicitDenyNote(explanation: Explanation, action: string): string {
  if (explanation.identityDecision === 'allowed' && explanation.boundaryDecision === 'implicitDeny')
    return `An identity policy allows ${action}, but the permissions boundary does not.`;
  if (explanation.identityDecision === 'allowed' && explanation.resourceDecision === 'implicitDeny')
    return `An identity policy allows ${action}, but the trust policy does not.`;
  if (explanation.resourceDecision === 'allowed' && explanation.identityDecision === 'implicitDeny')
    return `The trust policy allows it, but no identity policy allows ${action}.`;
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
    else if (explanation.missingContextKeys.length > 0)
      verdict.note += ` Context keys the conditions read but the question lacks: ${explanation.missingContextKeys.join(', ')}.`;
  }
  return verdict;
}

function requestFor(
  principal: PrincipalPolicies,
  account: CompiledAccount,
  action: string,
  resource: string,
  context: Record<string, string[]>,
): AuthorizationRequest {
  return {
    action,
    resource,
    principal: { arn: principal.arn, accountId: account.snapshot.accountId },
    context: mergeContext(principal.context, context),
  };
}

/** A who-can run over a compiled account; call `step` until it reports `finished`. */
export interface WhoCanRun {
  readonly results: WhoCanResults;
  /** Judges up to `budget` more principals (or role assumptions) and reports progress. */
  step(budget: number): WhoCanProgress;
  progress(): WhoCanProgress;
}

/**
 * Starts a who-can run. Each user and role is judged with `explain` (for the deciding statements); then, from
 * the roles that are allowed, the chains of sts:AssumeRole are followed backwards (breadth first, so each
 * principal gets a shortest chain) with the role-trust rule: a user or role that may assume an allowed role, or
 * a role that leads to one, reaches the action through that chain — over any number of hops, users and roles
 * alike as starting points.
 */
export function startWhoCan(account: CompiledAccount, question: WhoCanQuestion, assume: AssumeIndex = assumeIndexOf(account)): WhoCanRun {
  const action = question.action.trim();
  const actionLower = action.toLowerCase();
  const resource = question.resource.trim() || '*';
  const results: WhoCanResults = { allowed: [], throughRole: [], explicitDeny: [], implicitDeny: [] };
  const users = account.users;
  const roles = account.roles;
  let userIndex = 0;
  let roleIndex = 0;
  /** Principals that can do it (directly or through a chain) and, per role, its verdict and chain to the action. */
  const reached = new Set<string>();
  const roleChains = new Map<number, { verdict: PrincipalVerdict; chain: RoleHop[] }>();
  const queue: number[] = [];
  let queueIndex = 0;
  let work = 0;

  const record = (verdict: PrincipalVerdict) => {
    if (verdict.decision === 'allowed') results.allowed.push(verdict);
    else if (verdict.decision === 'explicitDeny') results.explicitDeny.push(verdict);
    else results.implicitDeny.push(verdict);
  };

  const judge = (principal: PrincipalPolicies): PrincipalVerdict => {
    // No statement of its policies names the action: an implicit deny, without the cost of an explanation.
    const anyStatement = mayMention(principal.set.identity, actionLower) || mayMention(principal.set.boundary ?? [], actionLower);
    if (!anyStatement)
      return {
        ref: principal.ref,
        arn: principal.arn,
        path: principal.path,
        decision: 'implicitDeny',
        deciding: [],
        note: `No statement allows ${action}.`,
        warnings: principal.warnings,
      };
    const request = requestFor(principal, account, action, resource, question.context);
    return verdictOf(principal, explain(request, principal.set), account, action);
  };

  const judgingDone = () => userIndex >= users.length && roleIndex >= roles.length;

  const progress = (): WhoCanProgress => {
    const finished = judgingDone() && queueIndex >= queue.length;
    const done = userIndex + roleIndex + queueIndex;
    return { done, total: users.length + roles.length + queue.length, finished, assumeChecks: work };
  };

  /** Follows the assume edges into one reached role: every caller not yet reached reaches the action through it. */
  const expand = (target: number) => {
    const via = roleChains.get(target)!;
    for (const edge of assume.assumersExcept(target, (key) => reached.has(keyId(key)))) {
      const id = keyId(edge.from);
      if (reached.has(id)) continue;
      reached.add(id);
      const caller = principalOf(account, edge.from);
      const hop: RoleHop = {
        role: roles[target].ref.name,
        assume: decidingOf(explainAssume(account, caller, target).decidingStatements, account, caller),
      };
      const chain = [hop, ...via.chain];
      results.throughRole.push({
        ref: caller.ref,
        arn: caller.arn,
        path: caller.path,
        decision: 'allowed',
        deciding: via.verdict.deciding,
        viaRole: hop,
        chain,
        warnings: caller.warnings,
      });
      if (edge.from.kind === 'role') {
        roleChains.set(edge.from.index, { verdict: via.verdict, chain });
        queue.push(edge.from.index);
      }
    }
  };

  const step = (budget: number): WhoCanProgress => {
    let left = Math.max(1, budget);
    while (left > 0 && userIndex < users.length) {
      const verdict = judge(users[userIndex]);
      record(verdict);
      if (verdict.decision === 'allowed') reached.add(keyId({ kind: 'user', index: userIndex }));
      userIndex++;
      left--;
    }
    while (left > 0 && roleIndex < roles.length) {
      const verdict = judge(roles[roleIndex]);
      record(verdict);
      if (verdict.decision === 'allowed') {
        reached.add(keyId({ kind: 'role', index: roleIndex }));
        roleChains.set(roleIndex, { verdict, chain: [] });
        queue.push(roleIndex);
      }
      roleIndex++;
      left--;
    }
    while (left > 0 && judgingDone() && queueIndex < queue.length) {
      const target = queue[queueIndex++];
      const before = assume.judged;
      expand(target);
      work += assume.judged - before;
      left -= Math.max(1, assume.judged - before);
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
