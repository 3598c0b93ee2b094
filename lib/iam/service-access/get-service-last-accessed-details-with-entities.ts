// GetServiceLastAccessedDetailsWithEntities: for one service of a last-accessed job, the entities (users and
// roles) that could use it and when each last did — the members of a group, the users and roles a policy reaches.
import type { EntityDetails } from '../../core/generated/iam-types';
import { InvalidInput, NoSuchEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { loadLastAccessedJob } from '../last-accessed/report';

interface Entity {
  Arn: string;
  Name: string;
  Type: 'USER' | 'ROLE' | 'GROUP';
  Id: string;
  Path: string;
}

async function userEntity(store: Store, accountId: string, userId: string): Promise<Entity[]> {
  const user = await store.users.getById(userId);
  return user
    ? [
        {
          Arn: `arn:aws:iam::${accountId}:user${user.path}${user.userName}`,
          Name: user.userName,
          Type: 'USER',
          Id: user.userId,
          Path: user.path,
        },
      ]
    : [];
}

async function roleEntity(store: Store, accountId: string, roleId: string): Promise<Entity[]> {
  const role = await store.roles.getById(roleId);
  return role
    ? [
        {
          Arn: `arn:aws:iam::${accountId}:role${role.path}${role.roleName}`,
          Name: role.roleName,
          Type: 'ROLE',
          Id: role.roleId,
          Path: role.path,
        },
      ]
    : [];
}

async function members(store: Store, accountId: string, groupId: string): Promise<Entity[]> {
  const entities: Entity[] = [];
  for (const id of (await store.groups.listMembers(groupId, { limit: 10_000 })).userIds)
    entities.push(...(await userEntity(store, accountId, id)));
  return entities;
}

/** The entities whose use a job's subject covers. */
async function entitiesOf(store: Store, accountId: string, arn: string): Promise<Entity[]> {
  const m = /^arn:[^:]+:iam::(\d{12}|aws):(user|group|role|policy)(\/.*)?\/([^/]+)$/.exec(arn);
  if (!m) return [];
  if (m[2] === 'user') {
    const user = await store.users.getByName(m[4]);
    return user ? await userEntity(store, accountId, user.userId) : [];
  }
  if (m[2] === 'role') {
    const role = await store.roles.getByName(m[4]);
    return role ? await roleEntity(store, accountId, role.roleId) : [];
  }
  if (m[2] === 'group') {
    const group = await store.groups.getByName(m[4]);
    return group ? await members(store, accountId, group.groupId) : [];
  }
  const out = new Map<string, Entity>();
  for (const attachment of await store.attachments.listForPolicy(arn)) {
    const found =
      attachment.principalKind === 'user'
        ? await userEntity(store, accountId, attachment.principalId)
        : attachment.principalKind === 'role'
          ? await roleEntity(store, accountId, attachment.principalId)
          : await members(store, accountId, attachment.principalId);
    for (const entity of found) out.set(entity.Arn, entity);
  }
  return [...out.values()];
}

export const getServiceLastAccessedDetailsWithEntities: IamOperation<'GetServiceLastAccessedDetailsWithEntities'> = async (ctx, input) => {
  const job = await loadLastAccessedJob(ctx.store, input.JobId);
  if (!job) throw new NoSuchEntity(`The job with ID ${input.JobId} cannot be found.`);
  const namespace = input.ServiceNamespace.toLowerCase();
  if (!job.services.some((s) => s.ServiceNamespace === namespace)) {
    throw new InvalidInput(`The service namespace ${input.ServiceNamespace} is not part of the report of job ${input.JobId}.`);
  }
  const entities = await entitiesOf(ctx.store, ctx.principal.accountId, job.arn);
  const uses = new Map(
    (await ctx.store.audit.listServiceAccess(entities.map((e) => e.Arn)))
      .filter((record) => record.serviceNamespace === namespace)
      .map((record) => [record.principalArn, record.lastAccessed]),
  );
  const details: EntityDetails[] = entities.map((entity) => ({
    EntityInfo: entity,
    LastAuthenticated: uses.has(entity.Arn) ? new Date(uses.get(entity.Arn)!) : undefined,
  }));
  const page = paginateArray(details, (d) => d.EntityInfo!.Arn!, input.Marker, input.MaxItems);
  return {
    JobStatus: 'COMPLETED',
    JobCreationDate: job.creationDate,
    JobCompletionDate: job.completionDate,
    EntityDetailsList: page.items,
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
