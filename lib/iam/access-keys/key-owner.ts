// Whose access keys an operation acts on: the named user, else the calling user (the root user's own keys for root).
import { NoSuchEntity, ValidationError } from '../../core/errors';
import type { AccessKeyRecord } from '../../store/access-keys';
import type { OperationContext } from '../../core/context';
import { requireUser } from '../users/require-user';

/** A key owner: an IAM user, or the root user (`userId` undefined). */
export interface KeyOwner {
  userId?: string;
  userName?: string;
}

/** Resolves `UserName` (or its absence) to the owner of the keys, as AWS infers it from the request's signer. */
export async function resolveKeyOwner(ctx: OperationContext, userName: string | undefined): Promise<KeyOwner> {
  if (userName !== undefined) {
    const user = await requireUser(ctx.store, userName);
    return { userId: user.userId, userName: user.userName };
  }
  const { principal } = ctx;
  if (principal.type === 'Root' || principal.type === 'System') return {};
  if (principal.type === 'IAMUser' && principal.userId) {
    const user = await ctx.store.users.getById(principal.userId);
    if (user) return { userId: user.userId, userName: user.userName };
  }
  throw new ValidationError('Must specify userName when calling with non-User credentials');
}

/** The owner's key with this id, or AWS's NoSuchEntity. */
export async function requireOwnedKey(ctx: OperationContext, owner: KeyOwner, accessKeyId: string): Promise<AccessKeyRecord> {
  const key = await ctx.store.accessKeys.get(accessKeyId);
  if (!key || key.userId !== owner.userId) throw new NoSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  return key;
}

/** AWS's `AccessKeyMetadata` shape (never the secret). */
export function accessKeyMetadataView(owner: KeyOwner, key: AccessKeyRecord) {
  return { UserName: owner.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate };
}
