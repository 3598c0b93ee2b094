// UpdateLoginProfile: an administrator sets a user's password and/or its PasswordResetRequired flag.
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import { enforcePasswordPolicy } from '../password-policy/policy';
import { PASSWORD_HISTORY_SIZE, requireLoginProfile } from './login-profile-view';
import { passwordHashOf, prepareHash, preparePasswordWork } from './password-work';

export const updateLoginProfile: IamOperation<'UpdateLoginProfile'> = async (ctx, input) => {
  const { store } = ctx;
  const user = await requireUser(store, input.UserName);
  await requireLoginProfile(store, user.userId, user.userName);
  const changes: { passwordHash?: string; passwordChangedDate?: string; passwordResetRequired?: boolean } = {};
  if (input.Password !== undefined) {
    await enforcePasswordPolicy(store, input.Password);
    changes.passwordHash = passwordHashOf(ctx, input.Password);
    changes.passwordChangedDate = ctx.now.toISOString();
    await store.loginProfiles.addPasswordHistory(user.userId, changes.passwordHash, changes.passwordChangedDate, PASSWORD_HISTORY_SIZE);
  }
  if (input.PasswordResetRequired !== undefined) changes.passwordResetRequired = input.PasswordResetRequired;
  await store.loginProfiles.update(user.userId, changes);
  return {};
};

updateLoginProfile.prepare = (_ctx, input) => preparePasswordWork((work) => prepareHash(work, input.Password));
