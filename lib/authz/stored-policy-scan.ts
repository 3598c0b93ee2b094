// At start: every stored policy document (managed versions, inline, trust) compiled once; those that do not are reported.
import { compilePolicy, PolicyParseError, type PolicyType } from '../policy';
import type { PrincipalKind, Store } from '../store/types';

/** A stored document the evaluator cannot compile: where it is and why. */
export interface UncompilablePolicy {
  /** E.g. `arn:aws:iam::123456789012:policy/P (v2)`, `user alice inline policy P`, `role r trust policy`. */
  where: string;
  reason: string;
}

const PAGE = 500;

async function* allPages<T>(
  list: (options: { after?: string; limit: number }) => Promise<{ items: T[]; next?: string }>,
): AsyncGenerator<T> {
  let after: string | undefined;
  do {
    const page = await list({ after, limit: PAGE });
    yield* page.items;
    after = page.next;
  } while (after !== undefined);
}

function problem(text: string, policyType: PolicyType): string | undefined {
  try {
    compilePolicy(text, { policyType });
    return undefined;
  } catch (error) {
    return error instanceof PolicyParseError ? error.message : String(error);
  }
}

/**
 * Compiles every stored policy document and lists those that do not compile. The authorizer already denies
 * everything to the principals such a document applies to; this tells the operator which ones to replace.
 */
export function findUncompilablePolicies(store: Store): Promise<UncompilablePolicy[]> {
  return store.read(async (store) => {
    const found: UncompilablePolicy[] = [];
    const check = (where: string, text: string, policyType: PolicyType) => {
      const reason = problem(text, policyType);
      if (reason !== undefined) found.push({ where, reason });
    };
    for await (const policy of allPages((o) => store.managedPolicies.list(o))) {
      for (const version of await store.managedPolicies.listVersions(policy.arn))
        check(`${policy.arn} (${version.versionId})`, version.document, 'identity');
    }
    const inline = async (kind: PrincipalKind, id: string, name: string) => {
      for (const record of await store.inlinePolicies.list(kind, id))
        check(`${kind} ${name} inline policy ${record.policyName}`, record.document, 'identity');
    };
    for await (const user of allPages((o) => store.users.list(o))) await inline('user', user.userId, user.userName);
    for await (const group of allPages((o) => store.groups.list(o))) await inline('group', group.groupId, group.groupName);
    for await (const role of allPages((o) => store.roles.list(o))) {
      await inline('role', role.roleId, role.roleName);
      check(`role ${role.roleName} trust policy`, role.assumeRolePolicy, 'trust');
    }
    return found;
  });
}

/** Logs each stored document that does not compile (called once when the service starts). */
export async function reportUncompilablePolicies(store: Store, log: (line: string) => void = console.error): Promise<UncompilablePolicy[]> {
  const found = await findUncompilablePolicies(store);
  for (const entry of found) {
    log(
      `[gatehouse] stored policy ${entry.where} does not compile (${entry.reason}); the principals it applies to are denied until it is replaced`,
    );
  }
  return found;
}
