// The table of implemented STS operations, by AWS action name.
import type { Operation } from '../iam/context';

export const STS_OPERATIONS: Record<string, Operation> = {};
