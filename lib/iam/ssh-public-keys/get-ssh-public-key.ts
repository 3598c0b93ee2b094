// GetSSHPublicKey: one SSH public key of a user, in the SSH or PEM encoding.
import { UnrecognizedPublicKeyEncoding } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireSshKey, sshPublicKeyView } from './ssh-key-view';

export const getSSHPublicKey: IamOperation<'GetSSHPublicKey'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  if (input.Encoding !== 'SSH' && input.Encoding !== 'PEM') {
    throw new UnrecognizedPublicKeyEncoding(`The encoding ${input.Encoding} is not recognized. Use SSH or PEM.`);
  }
  const key = await requireSshKey(ctx.store, user, input.SSHPublicKeyId);
  return { SSHPublicKey: sshPublicKeyView(user, key, input.Encoding) };
};
