// Context keys a set of policies reads (conditions and policy variables), for GetContextKeysFor*Policy.

import type { CompiledPolicy } from './types';

/**
 * Every condition key and policy-variable key the policies reference, each once (compared ignoring case,
 * first spelling kept), in order of appearance.
 */
export function referencedContextKeys(policies: CompiledPolicy[]): string[] {
  const keys = new Map<string, string>();
  const add = (key: string) => {
    const lower = key.toLowerCase();
    if (!keys.has(lower)) keys.set(lower, key);
  };
  for (const policy of policies) {
    for (const statement of policy.statements) {
      for (const resource of statement.resources ?? []) resource.template?.keys.forEach(add);
      for (const condition of statement.conditions) {
        add(condition.key);
        for (const value of condition.values) value.template?.keys.forEach(add);
      }
    }
  }
  return [...keys.values()];
}
