// The instance profile operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { addRoleToInstanceProfile } from './add-role-to-instance-profile';
import { createInstanceProfile } from './create-instance-profile';
import { deleteInstanceProfile } from './delete-instance-profile';
import { getInstanceProfile } from './get-instance-profile';
import { listInstanceProfileTags } from './list-instance-profile-tags';
import { listInstanceProfiles } from './list-instance-profiles';
import { listInstanceProfilesForRole } from './list-instance-profiles-for-role';
import { removeRoleFromInstanceProfile } from './remove-role-from-instance-profile';
import { tagInstanceProfile } from './tag-instance-profile';
import { untagInstanceProfile } from './untag-instance-profile';

export const instanceProfileOperations: IamOperationTable = {
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  CreateInstanceProfile: createInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  ListInstanceProfileTags: listInstanceProfileTags,
  ListInstanceProfiles: listInstanceProfiles,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  TagInstanceProfile: tagInstanceProfile,
  UntagInstanceProfile: untagInstanceProfile,
};
