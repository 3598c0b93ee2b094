// ListSSHPublicKeys: the SSH public keys of a user (or of the calling user), oldest first, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireUser } from '../users/require-user';
import { resolveKeyOwner } from '../access-keys/key-owner';
import type { SshKeyData } from './ssh-key-view';

export const listSSHPublicKeys: IamOperation<'ListSSHPublicKeys'> = async (ctx, input) => {
  const owner = await resolveKeyOwner(ctx, input.UserName);
  // The root user has no SSH keys.
  if (owner.userId === undefined) return { SSHPublicKeys: [], IsTruncated: false };
  const user = await requireUser(ctx.store, owner.userName!);
  const keys = await ctx.store.userCredentials.listForUser<SshKeyData>('ssh-public-key', user.userId);
  const page = paginateArray(keys, (key) => `${key.createDate}|${key.credentialId}`, input.Marker, input.MaxItems);
  return {
    SSHPublicKeys: page.items.map((key) => ({
      UserName: user.userName,
      SSHPublicKeyId: key.credentialId,
      Status: key.status,
      UploadDate: key.createDate,
    })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
