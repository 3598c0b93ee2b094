// The inline policy operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { putUserPolicy } from './put-user-policy';
import { getUserPolicy } from './get-user-policy';
import { deleteUserPolicy } from './delete-user-policy';
import { listUserPolicies } from './list-user-policies';
import { putGroupPolicy } from './put-group-policy';
import { getGroupPolicy } from './get-group-policy';
import { deleteGroupPolicy } from './delete-group-policy';
import { listGroupPolicies } from './list-group-policies';
import { putRolePolicy } from './put-role-policy';
import { getRolePolicy } from './get-role-policy';
import { deleteRolePolicy } from './delete-role-policy';
import { listRolePolicies } from './list-role-policies';

export const inlinePolicyOperations: IamOperationTable = {
  PutUserPolicy: putUserPolicy,
  GetUserPolicy: getUserPolicy,
  DeleteUserPolicy: deleteUserPolicy,
  ListUserPolicies: listUserPolicies,
  PutGroupPolicy: putGroupPolicy,
  GetGroupPolicy: getGroupPolicy,
  DeleteGroupPolicy: deleteGroupPolicy,
  ListGroupPolicies: listGroupPolicies,
  PutRolePolicy: putRolePolicy,
  GetRolePolicy: getRolePolicy,
  DeleteRolePolicy: deleteRolePolicy,
  ListRolePolicies: listRolePolicies,
};
