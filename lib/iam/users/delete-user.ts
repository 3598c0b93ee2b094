// DeleteUser: removes a user that owns nothing any more, with its tags; otherwise AWS's DeleteConflict chain.
import type { DeleteUserRequest } from '@aws-sdk/client-iam';
import { DeleteConflict } from '../../protocol/errors';
import type { Operation } from '../context';
import { requireUser } from './require-user';

export const deleteUser: Operation<DeleteUserRequest> = (ctx, input) => {
  const { store } = ctx;
  const user = requireUser(store, input.UserName!);
  // Checked in the order of AWS's DeleteUser documentation: password, access keys, (signing certificates,
  // SSH keys and Git credentials do not exist in Gatehouse), MFA devices, inline policies, managed policies,
  // group memberships.
  if (store.loginProfiles.get(user.userId)) throw new DeleteConflict('Cannot delete entity, must delete login profile first.');
  if (store.accessKeys.listForUser(user.userId).length > 0) throw new DeleteConflict('Cannot delete entity, must delete access keys first.');
  if (store.mfaDevices.listForUser(user.userId).length > 0) throw new DeleteConflict('Cannot delete entity, must delete MFA device first.');
  if (store.inlinePolicies.list('user', user.userId).length > 0) throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  if (store.attachments.countForPrincipal('user', user.userId) > 0) throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  if (store.groups.countForUser(user.userId) > 0) throw new DeleteConflict('Cannot delete entity, must remove users from group first.');
  store.tags.removeAll('user', user.userId);
  store.users.delete(user.userId);
  return {};
};
