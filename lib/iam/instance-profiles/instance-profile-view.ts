// The `InstanceProfile` element of IAM responses: the profile with the role(s) it holds.
import type { InstanceProfileRecord } from '../../store/instance-profiles';
import type { Store } from '../../store/types';
import type { Tag } from '../../store/tags';
import { entityArn } from '../arn';
import { roleView } from '../roles/role-view';

/**
 * AWS's `InstanceProfile` shape; `Roles` as ListRoles shows roles (no tags, boundary or last use). `emptyTags`:
 * an empty `Tags` list when there are none, as GetInstanceProfile answers.
 */
export async function instanceProfileView(
  store: Store,
  accountId: string,
  profile: InstanceProfileRecord,
  extra: { tags?: Tag[]; emptyTags?: boolean } = {},
) {
  const roles = (
    await Promise.all((await store.instanceProfiles.listRoleIds(profile.instanceProfileId)).map((roleId) => store.roles.getById(roleId)))
  ).filter((role) => role !== undefined);
  return {
    Path: profile.path,
    InstanceProfileName: profile.instanceProfileName,
    InstanceProfileId: profile.instanceProfileId,
    Arn: entityArn(accountId, 'instance-profile', profile.path, profile.instanceProfileName),
    CreateDate: profile.createDate,
    Roles: roles.map((role) => roleView(accountId, role)),
    Tags: extra.tags && (extra.tags.length > 0 || extra.emptyTags) ? extra.tags : undefined,
  };
}
