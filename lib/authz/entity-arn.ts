// Resolves a user, group or role ARN given as input (PolicySourceArn, Arn) to the entity it names, strictly.
import type { Store } from '../store/types';

/** The kinds of entity an input ARN can name. */
export type EntityKind = 'user' | 'group' | 'role';

/** An entity named by an input ARN, with its canonical ARN (as stored: path and name spelled as created). */
export interface NamedEntity {
  kind: EntityKind;
  id: string;
  name: string;
  arn: string;
  boundaryArn?: string;
}

/** An input ARN read as a user, group or role ARN; undefined when it has another shape. */
export interface EntityArn {
  kind: EntityKind;
  /** The name as written in the ARN. */
  name: string;
  /** The entity, when the ARN names one of this account; undefined otherwise (the operation answers NoSuchEntity). */
  entity?: NamedEntity;
}

const ENTITY_ARN = /^arn:([^:]+):iam::(\d{12}):(user|group|role)(\/.*)?\/([^/]+)$/;

/**
 * Reads an input ARN and finds the entity it names. The ARN must be the entity's own: partition `aws`, this
 * account, and the entity's exact path; only the name is matched ignoring case, as IAM finds entity names
 * ("not distinguished by case"). Whoever authorizes the request must use `entity.arn`, the ARN that was resolved,
 * not the ARN as written: a Deny on `user/admin` must hold for `user/ADMIN`, and `user/fake/admin` or another
 * account's `user/admin` must not reach admin at all.
 */
export async function resolveEntityArn(store: Store, accountId: string, arn: string): Promise<EntityArn | undefined> {
  const m = ENTITY_ARN.exec(arn);
  if (!m) return undefined;
  const [, partition, account, kindText, pathPart, name] = m;
  const kind = kindText as EntityKind;
  if (partition !== 'aws' || account !== accountId) return { kind, name };
  const path = `${pathPart ?? ''}/`;
  const entity = await findEntity(store, accountId, kind, name);
  return { kind, name, entity: entity !== undefined && entity.path === path ? entity.named : undefined };
}

async function findEntity(
  store: Store,
  accountId: string,
  kind: EntityKind,
  name: string,
): Promise<{ path: string; named: NamedEntity } | undefined> {
  const arnOf = (path: string, stored: string) => `arn:aws:iam::${accountId}:${kind}${path}${stored}`;
  if (kind === 'user') {
    const user = await store.users.getByName(name);
    if (!user) return undefined;
    return {
      path: user.path,
      named: { kind, id: user.userId, name: user.userName, arn: arnOf(user.path, user.userName), boundaryArn: user.permissionsBoundaryArn },
    };
  }
  if (kind === 'group') {
    const group = await store.groups.getByName(name);
    if (!group) return undefined;
    return { path: group.path, named: { kind, id: group.groupId, name: group.groupName, arn: arnOf(group.path, group.groupName) } };
  }
  const role = await store.roles.getByName(name);
  if (!role) return undefined;
  return {
    path: role.path,
    named: { kind, id: role.roleId, name: role.roleName, arn: arnOf(role.path, role.roleName), boundaryArn: role.permissionsBoundaryArn },
  };
}
