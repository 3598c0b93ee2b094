// GetLoginProfile: the user name, creation date and reset flag of a user's console password (never the password).
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { loginProfileView, requireLoginProfile } from './login-profile-view';

export const getLoginProfile: IamOperation<'GetLoginProfile'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  return { LoginProfile: loginProfileView(user.userName, await requireLoginProfile(ctx.store, user.userId, user.userName)) };
};
