// DeleteUser: removes a user that owns nothing any more, with its tags; otherwise AWS's DeleteConflict chain.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { entityArn } from '../arn';
import { replaceDeletedPrincipal } from '../roles/deleted-principals';
import { requireUser } from './require-user';

export const deleteUser: IamOperation<'DeleteUser'> = async (ctx, input) => {
  const { store } = ctx;
  const user = await requireUser(store, input.UserName);
  // Checked in the order of AWS's DeleteUser documentation: password, access keys, signing certificates,
  // SSH public keys, service-specific (Git) credentials, MFA devices, inline policies, managed policies,
  // group memberships.
  if (await store.loginProfiles.get(user.userId)) throw new DeleteConflict('Cannot delete entity, must delete login profile first.');
  if ((await store.accessKeys.listForUser(user.userId)).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete access keys first.');
  // AWS's messages as its DeleteUser answers them: certificates by name, SSH keys and Git credentials generically.
  if ((await store.userCredentials.countForUser('signing-certificate', user.userId)) > 0)
    throw new DeleteConflict('Cannot delete entity, must delete certificates first.');
  if (
    (await store.userCredentials.countForUser('ssh-public-key', user.userId)) > 0 ||
    (await store.userCredentials.countForUser('service-specific-credential', user.userId)) > 0
  ) {
    throw new DeleteConflict('Cannot delete entity, must remove referenced objects first.');
  }
  if ((await store.mfaDevices.listForUser(user.userId)).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete MFA device first.');
  if ((await store.inlinePolicies.list('user', user.userId)).length > 0)
    throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  if ((await store.attachments.countForPrincipal('user', user.userId)) > 0)
    throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  if ((await store.groups.countForUser(user.userId)) > 0)
    throw new DeleteConflict('Cannot delete entity, must remove users from group first.');
  await store.tags.removeAll('user', user.userId);
  await store.users.delete(user.userId);
  // Trust policies that named this user now name its unique id, so a new user of the same name is not trusted.
  await replaceDeletedPrincipal(store, entityArn(ctx.principal.accountId, 'user', user.path, user.userName), user.userId);
  return {};
};
