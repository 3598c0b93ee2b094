// IAM keeps the principals of trust policies by unique id: once a user or role is deleted, the trust policies
// that named it show its id instead of its ARN, so a new entity created with the same name is not trusted.
import type { Store } from '../../store/types';

function replaceIn(value: unknown, arn: string, uniqueId: string): { value: unknown; changed: boolean } {
  if (value === arn) return { value: uniqueId, changed: true };
  if (Array.isArray(value)) {
    let changed = false;
    const replaced = value.map((item) => {
      if (item !== arn) return item;
      changed = true;
      return uniqueId;
    });
    return { value: replaced, changed };
  }
  return { value, changed: false };
}

/** Rewrites every role trust policy whose `AWS` principal is `arn` to name `uniqueId` instead. */
export async function replaceDeletedPrincipal(store: Store, arn: string, uniqueId: string): Promise<void> {
  let after: string | undefined;
  do {
    const page = await store.roles.list({ after, limit: 500 });
    for (const role of page.items) {
      if (!role.assumeRolePolicy.includes(arn)) continue;
      let policy: { Statement?: unknown };
      try {
        policy = JSON.parse(role.assumeRolePolicy);
      } catch {
        continue;
      }
      const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
      let changed = false;
      for (const statement of statements) {
        const principal = (statement as { Principal?: unknown } | undefined)?.Principal as { AWS?: unknown } | undefined;
        if (principal === null || typeof principal !== 'object' || !('AWS' in principal)) continue;
        const result = replaceIn(principal.AWS, arn, uniqueId);
        if (result.changed) {
          principal.AWS = result.value;
          changed = true;
        }
      }
      if (changed) await store.roles.update(role.roleId, { assumeRolePolicy: JSON.stringify(policy) });
    }
    after = page.next;
  } while (after !== undefined);
}
