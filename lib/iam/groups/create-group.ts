// CreateGroup: a new IAM group with a path (at most 300 groups per account).
import { EntityAlreadyExists, LimitExceeded } from '../../core/errors';
import { newUniqueId } from '../../crypto/ids';
import { isDuplicateKeyError } from '../../store/errors';
import type { IamOperation } from '../../core/context';
import { QUOTAS, validateName, validatePath } from '../validation';
import { groupView } from './group-view';

export const createGroup: IamOperation<'CreateGroup'> = async (ctx, input) => {
  const { store } = ctx;
  const groupName = input.GroupName;
  const path = input.Path ?? '/';
  validateName(groupName, 'groupName', 128);
  validatePath(path);
  const exists = () => new EntityAlreadyExists(`Group with name ${groupName} already exists.`);
  if (await store.groups.getByName(groupName)) throw exists();
  if ((await store.groups.count()) >= QUOTAS.groupsPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for GroupsPerAccount: ${QUOTAS.groupsPerAccount}`);
  }
  const group = { groupId: newUniqueId('AGPA'), groupName, path, createDate: ctx.now.toISOString() };
  try {
    await store.groups.insert(group);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw exists();
    throw error;
  }
  return { Group: groupView(ctx.principal.accountId, group) };
};
