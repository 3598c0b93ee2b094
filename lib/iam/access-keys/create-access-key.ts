// CreateAccessKey: a new long-term key pair for a user (or for root); the secret is returned only here.
import { LimitExceeded } from '../../core/errors';
import { newAccessKeyId, newSecretAccessKey } from '../../crypto/ids';
import type { UncheckedIamOperation } from '../../core/context';
import { QUOTAS } from '../validation';
import { resolveKeyOwner } from './key-owner';

export const createAccessKey: UncheckedIamOperation<'CreateAccessKey'> = async (ctx, input) => {
  const owner = await resolveKeyOwner(ctx, input.UserName);
  if ((await ctx.store.accessKeys.listForUser(owner.userId)).length >= QUOTAS.accessKeysPerUser) {
    throw new LimitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${QUOTAS.accessKeysPerUser}`);
  }
  const secretAccessKey = newSecretAccessKey();
  const key = {
    accessKeyId: newAccessKeyId(ctx.principal.accountId),
    userId: owner.userId,
    secretEncrypted: ctx.secrets.encrypt(secretAccessKey),
    status: 'Active' as const,
    createDate: ctx.now.toISOString(),
  };
  await ctx.store.accessKeys.insert(key);
  return {
    AccessKey: {
      UserName: owner.userName,
      AccessKeyId: key.accessKeyId,
      Status: key.status,
      SecretAccessKey: secretAccessKey,
      CreateDate: key.createDate,
    },
  };
};
