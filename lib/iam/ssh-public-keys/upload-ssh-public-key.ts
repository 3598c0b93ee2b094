// UploadSSHPublicKey: adds an SSH public key (ssh-rsa or PEM) to a user, for CodeCommit-style Git access.
import { newUniqueId } from '../../crypto/ids';
import { DuplicateSSHPublicKey, LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { parseSshPublicKey } from './ssh-key-format';
import { SSH_KEYS_PER_USER, sshPublicKeyView, type SshKeyData } from './ssh-key-view';

export const uploadSSHPublicKey: IamOperation<'UploadSSHPublicKey'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const parsed = parseSshPublicKey(input.SSHPublicKeyBody);
  const existing = await ctx.store.userCredentials.listForUser<SshKeyData>('ssh-public-key', user.userId);
  if (existing.some((key) => key.data.fingerprint === parsed.fingerprint)) {
    throw new DuplicateSSHPublicKey('The public key already exists for this user.');
  }
  if (existing.length >= SSH_KEYS_PER_USER) throw new LimitExceeded(`Cannot exceed quota for PublicKeysPerUser: ${SSH_KEYS_PER_USER}`);
  const record = {
    kind: 'ssh-public-key' as const,
    credentialId: newUniqueId('APKA'),
    userId: user.userId,
    status: 'Active' as const,
    createDate: ctx.now.toISOString(),
    data: parsed,
  };
  await ctx.store.userCredentials.insert(record);
  return { SSHPublicKey: sshPublicKeyView(user, record, 'SSH') };
};
