// DeleteLoginProfile: removes a user's console password (the user can no longer sign in to the console).
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { requireLoginProfile } from './login-profile-view';

export const deleteLoginProfile: IamOperation<'DeleteLoginProfile'> = async (ctx, input) => {
  const user = requireUser(ctx.store, input.UserName);
  requireLoginProfile(ctx.store, user.userId, user.userName);
  ctx.store.loginProfiles.delete(user.userId);
  return {};
};
