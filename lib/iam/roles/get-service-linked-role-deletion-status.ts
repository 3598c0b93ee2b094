// GetServiceLinkedRoleDeletionStatus: the status of a task from DeleteServiceLinkedRole.
import type { GetServiceLinkedRoleDeletionStatusRequest } from '@aws-sdk/client-iam';
import { InvalidInput, NoSuchEntity } from '../../core/errors';
import type { Operation } from '../../core/context';
import { deletionTaskStatus } from './deletion-tasks';

export const getServiceLinkedRoleDeletionStatus: Operation<GetServiceLinkedRoleDeletionStatusRequest> = (ctx, input) => {
  const taskId = input.DeletionTaskId!;
  if (!taskId.startsWith('task/aws-service-role/')) throw new InvalidInput(`Invalid deletion task id: ${taskId}`);
  const status = deletionTaskStatus(ctx.store, taskId);
  if (!status) throw new NoSuchEntity(`Deletion task ${taskId} cannot be found.`);
  return { Status: status };
};
