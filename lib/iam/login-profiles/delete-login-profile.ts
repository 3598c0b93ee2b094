// DeleteLoginProfile: removes a user's console password (the user can no longer sign in to the console).
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireLoginProfile } from './login-profile-view';

export const deleteLoginProfile: IamOperation<'DeleteLoginProfile'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  await requireLoginProfile(ctx.store, user.userId, user.userName);
  await ctx.store.loginProfiles.delete(user.userId);
  return {};
};
