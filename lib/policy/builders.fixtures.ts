// Test helpers for lib/policy: build policies and requests tersely (used only by *.test.ts).

import { compilePolicy } from './compile';
import type { RequestContext } from './context';
import { authorize, type AuthorizationRequest, type PolicySet } from './evaluate';
import type { CompiledPolicy, PolicyType } from './types';

let counter = 0;

/** Compiles a policy from statements (Version 2012-10-17 unless given). */
export function policy(
  statements: object | object[],
  options?: { version?: string | null; id?: string; type?: PolicyType },
): CompiledPolicy {
  const doc: Record<string, unknown> = { Statement: statements };
  if (options?.version !== null) doc.Version = options?.version ?? '2012-10-17';
  return compilePolicy(JSON.stringify(doc, null, 2), { policyId: options?.id ?? `test-${++counter}`, policyType: options?.type });
}

/** A request with defaults. */
export function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return { action: 'iam:GetUser', resource: 'arn:aws:iam::123456789012:user/alice', context: {}, ...overrides };
}

/** Whether a single Allow statement with this Condition allows a request with this context. */
export function conditionAllows(condition: Record<string, Record<string, unknown>>, context: RequestContext, version?: string): boolean {
  const p = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }, { version });
  return authorize(request({ context }), { identity: [p] }) === 'allowed';
}

/** Shorthand for authorize with identity policies only. */
export function decide(policies: CompiledPolicy[] | PolicySet, req: AuthorizationRequest) {
  return authorize(req, Array.isArray(policies) ? { identity: policies } : policies);
}
