// Policy size as AWS counts it (characters other than whitespace) and AWS's limit for each kind of policy.
import type { PolicyType } from '@/lib/policy';

/** The kinds of document the editor edits. */
export type EditorPolicyType = Exclude<PolicyType, 'scp'>;

/**
 * AWS's default size quotas, in non-whitespace characters: managed policies (and so boundaries) 6,144, role
 * trust policies 2,048, session policies 2,048, resource-based policies 20,480. Inline policies have their own
 * aggregate quotas (user 2,048, group 5,120, role 10,240): pass `sizeLimit` for those.
 */
export const POLICY_SIZE_LIMITS: Record<EditorPolicyType, number> = {
  identity: 6144,
  boundary: 6144,
  trust: 2048,
  session: 2048,
  resource: 20480,
};

/** Inline policy quotas per identity type (aggregate of all inline policies of the identity). */
export const INLINE_POLICY_SIZE_LIMITS = { user: 2048, group: 5120, role: 10240 } as const;

/** Managed policies attached to one user, group or role (AWS default quota). */
export const MANAGED_POLICIES_PER_PRINCIPAL = 10;

/** Counts a document's size as AWS does: every character except space, tab, line feed and carriage return. */
export function policySizeOf(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) n++;
  }
  return n;
}
