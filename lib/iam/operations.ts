// The table of implemented IAM operations, by AWS action name. Each aggregate contributes its own index.
import type { Operation } from './context';
import { userOperations } from './users';
import { roleOperations } from './roles';

export const IAM_OPERATIONS: Record<string, Operation> = {
  ...userOperations,
  ...roleOperations,
};
