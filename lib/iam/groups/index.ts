// The group operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { addUserToGroup } from './add-user-to-group';
import { createGroup } from './create-group';
import { deleteGroup } from './delete-group';
import { getGroup } from './get-group';
import { listGroups } from './list-groups';
import { listGroupsForUser } from './list-groups-for-user';
import { removeUserFromGroup } from './remove-user-from-group';
import { updateGroup } from './update-group';

export const groupOperations: IamOperationTable = {
  CreateGroup: createGroup,
  GetGroup: getGroup,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  ListGroups: listGroups,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
};
