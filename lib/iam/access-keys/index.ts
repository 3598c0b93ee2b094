// The access key operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createAccessKey } from './create-access-key';
import { deleteAccessKey } from './delete-access-key';
import { getAccessKeyLastUsed } from './get-access-key-last-used';
import { listAccessKeys } from './list-access-keys';
import { updateAccessKey } from './update-access-key';

export const accessKeyOperations: IamOperationTable = {
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
};
