// CreateLoginProfile: gives a user a console password, checked against the account password policy.
import { EntityAlreadyExists } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { enforcePasswordPolicy } from '../password-policy/policy';
import { loginProfileView, PASSWORD_HISTORY_SIZE } from './login-profile-view';
import { passwordHashOf, prepareHash, preparePasswordWork } from './password-work';

export const createLoginProfile: IamOperation<'CreateLoginProfile'> = async (ctx, input) => {
  const { store } = ctx;
  const user = await requireUser(store, input.UserName);
  if (await store.loginProfiles.get(user.userId)) throw new EntityAlreadyExists(`Login Profile for user ${user.userName} already exists.`);
  await enforcePasswordPolicy(store, input.Password);
  const now = ctx.now.toISOString();
  const profile = {
    userId: user.userId,
    passwordHash: passwordHashOf(ctx, input.Password),
    passwordResetRequired: input.PasswordResetRequired ?? false,
    createDate: now,
    passwordChangedDate: now,
  };
  await store.loginProfiles.insert(profile);
  await store.loginProfiles.addPasswordHistory(user.userId, profile.passwordHash, now, PASSWORD_HISTORY_SIZE);
  return { LoginProfile: loginProfileView(user.userName, profile) };
};

createLoginProfile.prepare = (_ctx, input) => preparePasswordWork((work) => prepareHash(work, input.Password));
