// DeleteServiceLinkedRole: deletes a service-linked role with its policies and returns a deletion task id.
import { randomUUID } from 'node:crypto';
import { DeleteConflict, InvalidInput } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { removeRole } from './delete-role';
import { deletionTaskId, recordDeletionTask } from './deletion-tasks';
import { requireRole } from './require-role';

export const deleteServiceLinkedRole: IamOperation<'DeleteServiceLinkedRole'> = async (ctx, input) => {
  const { store } = ctx;
  const role = await requireRole(store, input.RoleName);
  const serviceName = /^\/aws-service-role\/([^/]+)\/$/.exec(role.path)?.[1];
  if (!role.serviceLinked || serviceName === undefined) {
    throw new InvalidInput(`Role ${role.roleName} is not a service-linked role.`);
  }
  if ((await store.instanceProfiles.listForRole(role.roleId)).length > 0) {
    throw new DeleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  // The service's own policies go with the role: AWS's deletion task cleans them up.
  await store.attachments.removeAllForPrincipal('role', role.roleId);
  await store.inlinePolicies.removeAllForPrincipal('role', role.roleId);
  await removeRole(store, ctx.principal.accountId, role);
  const taskId = deletionTaskId(serviceName, role.roleName, randomUUID());
  await recordDeletionTask(store, taskId, 'SUCCEEDED');
  return { DeletionTaskId: taskId };
};
