// Service-linked role deletion tasks: their ids and statuses, kept in the store's settings.
import type { Store } from '../../store/types';

export type DeletionTaskStatus = 'SUCCEEDED' | 'IN_PROGRESS' | 'FAILED' | 'NOT_STARTED';

const SETTING_PREFIX = 'service-linked-role-deletion:';

/** AWS's task id form: `task/aws-service-role/<service>/<role name>/<uuid>`. */
export function deletionTaskId(serviceName: string, roleName: string, uuid: string): string {
  return `task/aws-service-role/${serviceName}/${roleName}/${uuid}`;
}

export async function recordDeletionTask(store: Store, taskId: string, status: DeletionTaskStatus): Promise<void> {
  await store.setSetting(SETTING_PREFIX + taskId, status);
}

export async function deletionTaskStatus(store: Store, taskId: string): Promise<DeletionTaskStatus | undefined> {
  return (await store.getSetting(SETTING_PREFIX + taskId)) as DeletionTaskStatus | undefined;
}
