// Cheap questions about a principal's policies used to prune the explorer's searches: whether any statement of a
// policy concerns an action at all (by Action/NotAction only, ignoring resources and conditions), and which
// resources its Allow statements could name. Answers are kept per compiled policy and action, so a managed policy
// attached to thousands of principals is looked at once per action.
import { compileWildcard, matchWildcard, type CompiledPolicy, type CompiledStatement, type WildcardPattern } from '@/lib/policy';

/** Whether the statement's Action/NotAction covers the (lower-cased) action. */
export function statementCoversAction(statement: CompiledStatement, actionLower: string): boolean {
  const patterns = statement.actions;
  if (patterns === undefined) return false;
  let any = false;
  for (const pattern of patterns) {
    if (matchWildcard(pattern, actionLower)) {
      any = true;
      break;
    }
  }
  return statement.notAction ? !any : any;
}

/**
 * Where a policy's Allow statements covering one action could apply: nowhere (no such statement), anywhere (one
 * has no Resource or uses NotResource), or the ARNs matching one of `patterns` (policy variables stand for
 * anything, wildcards may cross ARN segments: a necessary condition only).
 */
export type ResourceReach = { kind: 'none' } | { kind: 'any' } | { kind: 'patterns'; patterns: WildcardPattern[] };

/** What one policy says about one action, worked out once. */
interface PolicyActionFacts {
  /** Some statement (Allow or Deny, or one without Action) may concern the action. */
  mentions: boolean;
  /** Some Allow statement's Action/NotAction covers it. */
  allows: boolean;
  reach: ResourceReach;
}

const NONE: ResourceReach = { kind: 'none' };
const ANY: ResourceReach = { kind: 'any' };
const factsByPolicy = new WeakMap<CompiledPolicy, Map<string, PolicyActionFacts>>();

function factsOf(policy: CompiledPolicy, actionLower: string): PolicyActionFacts {
  let byAction = factsByPolicy.get(policy);
  if (!byAction) {
    byAction = new Map();
    factsByPolicy.set(policy, byAction);
  }
  let facts = byAction.get(actionLower);
  if (facts) return facts;
  let mentions = false;
  let allows = false;
  let reach: ResourceReach = NONE;
  const patterns: WildcardPattern[] = [];
  for (const statement of policy.statements) {
    if (statement.actions === undefined) {
      mentions = true;
      continue;
    }
    if (!statementCoversAction(statement, actionLower)) continue;
    mentions = true;
    if (statement.effect !== 'Allow') continue;
    allows = true;
    if (reach === ANY) continue;
    if (statement.resources === undefined || statement.notResource) reach = ANY;
    else for (const resource of statement.resources) patterns.push(compileWildcard(resource.raw.replace(/\$\{[^}]*\}/g, '*')));
  }
  if (reach !== ANY && allows) reach = patterns.some((p) => p.shape === 'any') ? ANY : { kind: 'patterns', patterns };
  facts = { mentions, allows, reach };
  byAction.set(actionLower, facts);
  return facts;
}

/** Whether some statement of the policies (Allow or Deny) may concern the action (memoised per policy). */
export function mayMention(policies: CompiledPolicy[], action: string): boolean {
  const lower = action.toLowerCase();
  for (const policy of policies) if (factsOf(policy, lower).mentions) return true;
  return false;
}

/** Whether some Allow statement of the policies could allow the action on some resource (a necessary condition). */
export function mayAllow(policies: CompiledPolicy[], action: string): boolean {
  const lower = action.toLowerCase();
  for (const policy of policies) if (factsOf(policy, lower).allows) return true;
  return false;
}

/** Where the policies' Allow statements covering the action could apply, merged over the policies. */
export function resourceReach(policies: CompiledPolicy[], action: string): ResourceReach {
  const lower = action.toLowerCase();
  const patterns: WildcardPattern[] = [];
  let covered = false;
  for (const policy of policies) {
    const reach = factsOf(policy, lower).reach;
    if (reach.kind === 'none') continue;
    if (reach.kind === 'any') return ANY;
    covered = true;
    patterns.push(...reach.patterns);
  }
  return covered ? { kind: 'patterns', patterns } : NONE;
}

/**
 * A necessary condition on the resource for the policies' Allow statements covering the action: a test that is true
 * for every resource ARN some such statement could allow, so that only those resources need the engine. Undefined
 * when no statement covers the action.
 */
export function resourcesMayAllow(policies: CompiledPolicy[], action: string): ((arn: string) => boolean) | undefined {
  const reach = resourceReach(policies, action);
  if (reach.kind === 'none') return undefined;
  if (reach.kind === 'any') return () => true;
  return (arn: string) => reach.patterns.some((p) => matchWildcard(p, arn));
}

/**
 * ARNs sorted once, so that the ones a resource pattern could match are found by the pattern's literal prefix
 * (binary search) instead of testing every ARN of the account.
 */
export class ArnIndex {
  private readonly sorted: { arn: string; index: number }[];

  /** `arns[i]` is the ARN of item i (users or roles in the compiled account's order). */
  constructor(readonly arns: readonly string[]) {
    this.sorted = arns.map((arn, index) => ({ arn, index })).sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : a.index - b.index));
  }

  /** Indices (ascending) of the ARNs within `reach`. */
  matching(reach: ResourceReach): number[] {
    if (reach.kind === 'none') return [];
    if (reach.kind === 'any') return this.arns.map((_, i) => i);
    const seen = new Uint8Array(this.arns.length);
    const found: number[] = [];
    for (const pattern of reach.patterns) {
      const prefix = pattern.literalPrefix;
      for (let i = this.lowerBound(prefix); i < this.sorted.length; i++) {
        const entry = this.sorted[i];
        if (!entry.arn.startsWith(prefix)) break;
        if (seen[entry.index] === 0 && matchWildcard(pattern, entry.arn)) {
          seen[entry.index] = 1;
          found.push(entry.index);
        }
      }
    }
    return Array.from(Int32Array.from(found).sort());
  }

  /** The first position whose ARN is not less than `prefix`. */
  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid].arn < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
