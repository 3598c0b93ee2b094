// ListInstanceProfilesForRole: the instance profiles that hold a role, by name, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireRole } from '../roles/require-role';
import { instanceProfileView } from './instance-profile-view';

export const listInstanceProfilesForRole: IamOperation<'ListInstanceProfilesForRole'> = async (ctx, input) => {
  const role = await requireRole(ctx.store, input.RoleName);
  const profiles = await ctx.store.instanceProfiles.listForRole(role.roleId);
  const page = paginateArray(profiles, (profile) => profile.instanceProfileName.toLowerCase(), input.Marker, input.MaxItems);
  return {
    InstanceProfiles: await Promise.all(page.items.map((profile) => instanceProfileView(ctx.store, ctx.principal.accountId, profile))),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
