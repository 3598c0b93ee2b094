// Reads a role's trust policy into who may assume it: per statement, the principals by type and the conditions.
import { parsePolicy, type ParsedStatement } from '@/lib/policy';

export interface TrustEntry {
  effect: string;
  sid?: string;
  actions: string[];
  notPrincipal: boolean;
  principals: { type: string; values: string[] }[];
  conditions: { operator: string; key: string; values: string[] }[];
}

/** The trust relationships of a trust policy document (statements that name STS actions or none). */
export function readTrust(text: string): { entries: TrustEntry[]; valid: boolean } {
  const parsed = parsePolicy(text);
  if (!parsed.isJson) return { entries: [], valid: false };
  const entries = parsed.statements
    .filter((s: ParsedStatement) => {
      const actions = (s.action ?? s.notAction)?.values.map((v) => v.value.toLowerCase()) ?? [];
      return s.notAction || actions.length === 0 || actions.some((a) => a === '*' || a.startsWith('sts:'));
    })
    .map((s): TrustEntry => {
      const principal = s.principal ?? s.notPrincipal;
      return {
        effect: s.effect?.value ?? '(no Effect)',
        sid: s.sid?.value,
        actions: (s.action ?? s.notAction)?.values.map((v) => (s.notAction ? `not ${v.value}` : v.value)) ?? [],
        notPrincipal: !s.principal && !!s.notPrincipal,
        principals: principal?.wildcard
          ? [{ type: '*', values: ['*'] }]
          : (principal?.entries ?? []).map((e) => ({ type: e.type, values: e.values.map((v) => v.value) })),
        conditions: (s.conditions ?? []).map((c) => ({ operator: c.operator, key: c.key, values: c.values.map((v) => v.value) })),
      };
    });
  return { entries, valid: true };
}
