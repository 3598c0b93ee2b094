// The role operations of the IAM API (roles and service-linked roles), by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createRole } from './create-role';
import { createServiceLinkedRole } from './create-service-linked-role';
import { deleteRole } from './delete-role';
import { deleteServiceLinkedRole } from './delete-service-linked-role';
import { getRole } from './get-role';
import { getServiceLinkedRoleDeletionStatus } from './get-service-linked-role-deletion-status';
import { listRoleTags } from './list-role-tags';
import { listRoles } from './list-roles';
import { tagRole } from './tag-role';
import { untagRole } from './untag-role';
import { updateAssumeRolePolicy } from './update-assume-role-policy';
import { updateRole } from './update-role';
import { updateRoleDescription } from './update-role-description';

export const roleOperations: IamOperationTable = {
  CreateRole: createRole,
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteRole: deleteRole,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  GetRole: getRole,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
  ListRoleTags: listRoleTags,
  ListRoles: listRoles,
  TagRole: tagRole,
  UntagRole: untagRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
};
