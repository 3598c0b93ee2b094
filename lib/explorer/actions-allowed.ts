// Cheap questions about a principal's policies used to prune the escalation search: whether any Allow statement of its
// identity policies concerns an action at all (by Action/NotAction only, ignoring resources and conditions).
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

/** Whether some Allow statement of the policies could allow the action on some resource (a necessary condition). */
export function mayAllow(policies: CompiledPolicy[], action: string): boolean {
  const lower = action.toLowerCase();
  for (const policy of policies) for (const statement of policy.allowStatements) if (statementCoversAction(statement, lower)) return true;
  return false;
}

/**
 * A necessary condition on the resource for the policies' Allow statements covering the action: a test that is true
 * for every resource ARN some such statement could allow (policy variables stand for anything, wildcards may cross
 * ARN segments), so that only those resources need the engine. Undefined when no statement covers the action.
 */
export function resourcesMayAllow(policies: CompiledPolicy[], action: string): ((arn: string) => boolean) | undefined {
  const lower = action.toLowerCase();
  const patterns: WildcardPattern[] = [];
  let covered = false;
  for (const policy of policies) {
    for (const statement of policy.allowStatements) {
      if (!statementCoversAction(statement, lower)) continue;
      covered = true;
      if (statement.resources === undefined || statement.notResource) return () => true;
      for (const resource of statement.resources) patterns.push(compileWildcard(resource.raw.replace(/\$\{[^}]*\}/g, '*')));
    }
  }
  if (!covered) return undefined;
  return (arn: string) => patterns.some((p) => matchWildcard(p, arn));
}
