// DeleteSSHPublicKey: removes an SSH public key of a user.
import type { DeleteSSHPublicKeyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireSshKey } from './ssh-key-view';

export const deleteSSHPublicKey: Operation<DeleteSSHPublicKeyRequest> = (ctx, input) => {
  const user = requireUser(ctx.store, input.UserName!);
  const key = requireSshKey(ctx.store, user, input.SSHPublicKeyId!);
  ctx.store.userCredentials.delete('ssh-public-key', key.credentialId);
  return {};
};
