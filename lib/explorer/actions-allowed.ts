// Cheap questions about a principal's policies used to prune the escalation search: whether any Allow statement of its
// identity policies concerns an action at all (by Action/NotAction only, ignoring resources and conditions).
import { matchWildcard, type CompiledPolicy, type CompiledStatement } from '@/lib/policy';

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
