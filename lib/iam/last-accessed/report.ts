// Builds a service last-accessed report for a user, group, role or managed policy, from its policies and recorded use.
import { randomUUID } from 'node:crypto';
import type { ServiceLastAccessed, TrackedActionLastAccessed } from '../../core/generated/iam-types';
import { entityPolicyDocuments, managedPolicyDocument, resolveEntityArn } from '../../authz';
import { InvalidInput, NoSuchEntity } from '../../core/errors';
import { TRACKED_ACTION_SERVICES } from '../../store/audit';
import type { ServiceAccessRecord, Store } from '../../store/types';
import { allowedServiceNamespaces } from './allowed-services';
import { serviceName } from './service-names';

/** A finished report job, kept in the store's settings. */
export interface LastAccessedJob {
  jobId: string;
  arn: string;
  jobType: 'SERVICE_LEVEL' | 'ACTION_LEVEL';
  creationDate: string;
  completionDate: string;
  services: ServiceLastAccessed[];
}

const SETTING_PREFIX = 'service-last-accessed-job:';

function userArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:user${path}${name}`;
}

/**
 * The documents granting access and the entity ARNs whose use counts, for the report's subject. A user, group or
 * role ARN must be the entity's own (see resolveEntityArn: this account, its path), as the request was
 * authorized on that ARN; otherwise NoSuchEntity.
 */
async function subject(store: Store, accountId: string, arn: string): Promise<{ documents: string[]; tracked: string[] }> {
  const m = /^arn:[^:]+:iam::(\d{12}|aws):(user|group|role|policy)(\/.*)?\/([^/]+)$/.exec(arn);
  if (!m) throw new InvalidInput(`ARN ${arn} is not valid: it must name an IAM user, group or role.`);
  const named = m[2] === 'policy' ? undefined : await resolveEntityArn(store, accountId, arn);
  if (named !== undefined) {
    const entity = named.entity;
    if (!entity) throw new NoSuchEntity(`The ${named.kind} with name ${named.name} cannot be found.`);
    const documents = (await entityPolicyDocuments(store, entity.kind, entity.id)).map((d) => d.document);
    if (entity.kind !== 'group') return { documents, tracked: [entity.arn] };
    const members = (await store.groups.listMembers(entity.id, { limit: 10_000 })).userIds;
    const tracked: string[] = [];
    for (const id of members) {
      const user = await store.users.getById(id);
      if (user) tracked.push(userArn(accountId, user.path, user.userName));
    }
    return { documents, tracked };
  }
  const policy = await managedPolicyDocument(store, arn);
  if (!policy) throw new NoSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  const tracked = new Set<string>();
  for (const attachment of await store.attachments.listForPolicy(arn)) {
    if (attachment.principalKind === 'user') {
      const user = await store.users.getById(attachment.principalId);
      if (user) tracked.add(userArn(accountId, user.path, user.userName));
    } else if (attachment.principalKind === 'role') {
      const role = await store.roles.getById(attachment.principalId);
      if (role) tracked.add(`arn:aws:iam::${accountId}:role${role.path}${role.roleName}`);
    } else {
      for (const id of (await store.groups.listMembers(attachment.principalId, { limit: 10_000 })).userIds) {
        const user = await store.users.getById(id);
        if (user) tracked.add(userArn(accountId, user.path, user.userName));
      }
    }
  }
  return { documents: [policy.document], tracked: [...tracked] };
}

/** The most recent use of each tracked action of a service by the entities, by action name. */
async function trackedActions(store: Store, entities: string[], namespace: string): Promise<TrackedActionLastAccessed[]> {
  const latest = new Map<string, ServiceAccessRecord>();
  for (const record of await store.audit.listActionAccess(entities, namespace)) {
    const previous = latest.get(record.actionName!);
    if (!previous || record.lastAccessed > previous.lastAccessed) latest.set(record.actionName!, record);
  }
  return [...latest.values()]
    .sort((a, b) => a.actionName!.localeCompare(b.actionName!))
    .map((record) => ({
      ActionName: record.actionName,
      LastAccessedEntity: record.lastAccessedEntity ?? record.principalArn,
      LastAccessedTime: new Date(record.lastAccessed),
      LastAccessedRegion: record.lastAccessedRegion,
    }));
}

/**
 * The services the subject's policies allow, each with its most recent recorded use by the tracked entities;
 * at ACTION_LEVEL, services whose actions are tracked (IAM) also list each used action's latest use.
 */
export async function buildServicesLastAccessed(
  store: Store,
  accountId: string,
  arn: string,
  jobType: LastAccessedJob['jobType'] = 'SERVICE_LEVEL',
): Promise<ServiceLastAccessed[]> {
  const { documents, tracked } = await subject(store, accountId, arn);
  const byService = new Map<string, ServiceAccessRecord[]>();
  for (const record of await store.audit.listServiceAccess(tracked)) {
    const list = byService.get(record.serviceNamespace) ?? [];
    list.push(record);
    byService.set(record.serviceNamespace, list);
  }
  return Promise.all(
    allowedServiceNamespaces(documents).map(async (namespace) => {
      const uses = byService.get(namespace) ?? [];
      const entry: ServiceLastAccessed = {
        ServiceName: serviceName(namespace),
        ServiceNamespace: namespace,
        TotalAuthenticatedEntities: uses.length,
      };
      const latest = uses.reduce<ServiceAccessRecord | undefined>((a, b) => (!a || b.lastAccessed > a.lastAccessed ? b : a), undefined);
      if (latest) {
        entry.LastAuthenticated = new Date(latest.lastAccessed);
        entry.LastAuthenticatedEntity = latest.lastAccessedEntity ?? latest.principalArn;
        entry.LastAuthenticatedRegion = latest.lastAccessedRegion;
      }
      if (jobType === 'ACTION_LEVEL' && TRACKED_ACTION_SERVICES.has(namespace)) {
        const actions = await trackedActions(store, tracked, namespace);
        if (actions.length > 0) entry.TrackedActionsLastAccessed = actions;
      }
      return entry;
    }),
  );
}

/** Runs a report job to completion at once and keeps it. */
export async function createLastAccessedJob(
  store: Store,
  accountId: string,
  arn: string,
  jobType: LastAccessedJob['jobType'],
  now: Date,
): Promise<LastAccessedJob> {
  const services = await buildServicesLastAccessed(store, accountId, arn, jobType);
  const job: LastAccessedJob = {
    jobId: randomUUID(),
    arn,
    jobType,
    creationDate: now.toISOString(),
    completionDate: now.toISOString(),
    services,
  };
  await store.setSetting(`${SETTING_PREFIX}${job.jobId}`, JSON.stringify(job));
  return job;
}

/** A kept job, or undefined. */
export async function loadLastAccessedJob(store: Store, jobId: string): Promise<LastAccessedJob | undefined> {
  const text = await store.getSetting(`${SETTING_PREFIX}${jobId}`);
  return text ? (JSON.parse(text) as LastAccessedJob) : undefined;
}
