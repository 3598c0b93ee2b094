// DeleteSSHPublicKey: removes an SSH public key of a user.
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireSshKey } from './ssh-key-view';

export const deleteSSHPublicKey: IamOperation<'DeleteSSHPublicKey'> = async (ctx, input) => {
  const user = requireUser(ctx.store, input.UserName);
  const key = requireSshKey(ctx.store, user, input.SSHPublicKeyId);
  ctx.store.userCredentials.delete('ssh-public-key', key.credentialId);
  return {};
};
