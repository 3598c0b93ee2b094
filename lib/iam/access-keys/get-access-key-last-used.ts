// GetAccessKeyLastUsed: when, where and for which service a key was last used; 'N/A' when never used.
import { NoSuchEntity } from '../../core/errors';
import type { UncheckedIamOperation } from '../../core/context';

export const getAccessKeyLastUsed: UncheckedIamOperation<'GetAccessKeyLastUsed'> = async (ctx, input) => {
  const key = await ctx.store.accessKeys.get(input.AccessKeyId);
  if (!key) throw new NoSuchEntity(`The Access Key with id ${input.AccessKeyId} cannot be found.`);
  // Root keys have no user name; AWS then leaves UserName out.
  const userName = key.userId === undefined ? undefined : (await ctx.store.users.getById(key.userId))?.userName;
  return {
    UserName: userName,
    AccessKeyLastUsed: key.lastUsedDate
      ? { LastUsedDate: key.lastUsedDate, ServiceName: key.lastUsedService ?? 'N/A', Region: key.lastUsedRegion ?? 'N/A' }
      : { ServiceName: 'N/A', Region: 'N/A' },
  };
};
