// UpdateSSHPublicKey: activates or deactivates an SSH public key of a user.
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireSshKey } from './ssh-key-view';

export const updateSSHPublicKey: IamOperation<'UpdateSSHPublicKey'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const key = await requireSshKey(ctx.store, user, input.SSHPublicKeyId);
  await ctx.store.userCredentials.setStatus('ssh-public-key', key.credentialId, input.Status as 'Active' | 'Inactive');
  return {};
};
