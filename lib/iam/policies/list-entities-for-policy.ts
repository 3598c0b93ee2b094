// ListEntitiesForPolicy: the groups, users and roles that use a managed policy, as permissions policy or boundary.
import type { PolicyEntity } from '../../store/policies';
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireManagedPolicy } from './managed-policy';

const KIND_ORDER = { group: 1, user: 2, role: 3 } as const;
const FILTER_KIND = { User: 'user', Group: 'group', Role: 'role' } as const;

export const listEntitiesForPolicy: IamOperation<'ListEntitiesForPolicy'> = async (ctx, input) => {
  const { store } = ctx;
  const policy = await requireManagedPolicy(store, input.PolicyArn);
  const usage = input.PolicyUsageFilter;
  const candidates: PolicyEntity[] = [
    ...(usage !== 'PermissionsBoundary' ? await store.attachments.listEntitiesForPolicy(policy.arn) : []),
    ...(usage !== 'PermissionsPolicy' ? await store.attachments.listBoundaryUsage(policy.arn) : []),
  ];
  // LocalManagedPolicy and AWSManagedPolicy name no principal kind: such a filter leaves nothing.
  const filter = input.EntityFilter;
  const kind = filter === undefined ? undefined : ((FILTER_KIND as Record<string, string | undefined>)[filter] ?? 'none');
  const seen = new Set<string>();
  const entities = candidates.filter((entity) => {
    const id = `${entity.principalKind}:${entity.principalId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    if (kind !== undefined && entity.principalKind !== kind) return false;
    return !input.PathPrefix || entity.path.startsWith(input.PathPrefix);
  });
  const page = paginateArray(entities, (e) => `${KIND_ORDER[e.principalKind]}\u0000${e.name.toLowerCase()}`, input.Marker, input.MaxItems);
  const of = (k: PolicyEntity['principalKind']) => page.items.filter((e) => e.principalKind === k);
  return {
    PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.principalId })),
    PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.principalId })),
    PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.principalId })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
