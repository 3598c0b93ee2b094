// GetServiceLinkedRoleDeletionStatus: the status of a task from DeleteServiceLinkedRole.
import { InvalidInput, NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { deletionTaskStatus } from './deletion-tasks';

export const getServiceLinkedRoleDeletionStatus: IamOperation<'GetServiceLinkedRoleDeletionStatus'> = async (ctx, input) => {
  const taskId = input.DeletionTaskId;
  if (!taskId.startsWith('task/aws-service-role/')) throw new InvalidInput(`Invalid deletion task id: ${taskId}`);
  const status = await deletionTaskStatus(ctx.store, taskId);
  if (!status) throw new NoSuchEntity(`Deletion task ${taskId} cannot be found.`);
  return { Status: status };
};
