// "What would supplying this key change?": re-evaluates a cell with each referenced key present (a value the
// policy itself compares against) or absent.

import { authorize, type Decision, type Explanation, type RequestContext } from '@/lib/policy';
import { cellRequest, type MatrixInput } from './matrix';

/** The effect of supplying (or removing) one context key on one cell. */
export interface ContextKeyEffect {
  key: string;
  /** 'supplied': the key was missing and is tried with `value`; 'removed': the key was given and is tried absent. */
  change: 'supplied' | 'removed';
  value?: string;
  decision: Decision;
  /** True when the decision differs from the cell's. */
  changesDecision: boolean;
}

/** A request value that satisfies the positive reading of a policy value (wildcards filled, CIDR → its address). */
export function sampleValueFor(operator: string, policyValue: string): string {
  const op = operator.toLowerCase();
  if (op.includes('ipaddress')) return policyValue.split('/')[0];
  if (op.includes('like')) return policyValue.replace(/\*/g, 'x').replace(/\?/g, 'x');
  return policyValue;
}

function withoutKey(context: RequestContext, key: string): RequestContext {
  const lower = key.toLowerCase();
  const copy: RequestContext = {};
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() !== lower) copy[k] = v;
  return copy;
}

/**
 * For each missing key of the explanation: the decision with the key present (valued as the first condition
 * that reads it compares against); for each key the request had that some statement read: the decision
 * without it.
 */
export function contextKeyEffects(input: MatrixInput, action: string, resource: string, explanation: Explanation): ContextKeyEffect[] {
  const effects: ContextKeyEffect[] = [];
  const judge = (context: RequestContext) => {
    const { request, set } = cellRequest({ ...input, context }, action, resource);
    return authorize(request, set);
  };
  const missing = new Set(explanation.missingContextKeys.map((k) => k.toLowerCase()));
  const seen = new Set<string>();
  for (const statement of explanation.statements) {
    for (const condition of statement.conditions) {
      const lower = condition.key.toLowerCase();
      if (seen.has(lower)) continue;
      seen.add(lower);
      if (missing.has(lower) && condition.contextValues === undefined) {
        const raw = condition.policyValues[0];
        if (raw === undefined) continue;
        const value = condition.operator.toLowerCase() === 'null' ? 'x' : sampleValueFor(condition.operator, raw);
        const decision = judge({ ...input.context, [condition.key]: value });
        effects.push({ key: condition.key, change: 'supplied', value, decision, changesDecision: decision !== explanation.decision });
      } else if (condition.contextValues !== undefined) {
        const decision = judge(withoutKey(input.context, condition.key));
        effects.push({ key: condition.key, change: 'removed', decision, changesDecision: decision !== explanation.decision });
      }
    }
  }
  // Keys only read through policy variables (no condition of their own).
  for (const key of explanation.missingContextKeys) {
    if (seen.has(key.toLowerCase())) continue;
    const decision = judge({ ...input.context, [key]: 'example' });
    effects.push({ key, change: 'supplied', value: 'example', decision, changesDecision: decision !== explanation.decision });
  }
  return effects;
}
