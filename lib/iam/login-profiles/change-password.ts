// ChangePassword: the calling IAM user changes their own console password, proving the old one.
import { AccessDenied, InvalidUserType, NoSuchEntity, PasswordPolicyViolation } from '../../core/errors';
import { hashPassword, verifyPassword } from '../../crypto/secrets';
import type { IamOperation } from '../../core/context';
import { enforcePasswordPolicy, loadPasswordPolicy, passwordExpiration, reuseViolation } from '../password-policy/policy';
import { PASSWORD_HISTORY_SIZE, requireLoginProfile } from './login-profile-view';

export const changePassword: IamOperation<'ChangePassword'> = async (ctx, input) => {
  const { store, principal } = ctx;
  // Only IAM users have a password this operation can change; root and role sessions get InvalidUserType (AWS CLI docs).
  if (principal.type !== 'IAMUser' || !principal.userName) {
    throw new InvalidUserType(
      'ChangePassword can only be called by an IAM user; the root user and role sessions have no IAM user password.',
    );
  }
  const user = (principal.userId && (await store.users.getById(principal.userId))) || (await store.users.getByName(principal.userName));
  if (!user) throw new NoSuchEntity(`The user with name ${principal.userName} cannot be found.`);
  const profile = await requireLoginProfile(store, user.userId, user.userName);

  // AWS does not document the error for a wrong old password; AccessDenied keeps it among authentication failures.
  if (!verifyPassword(input.OldPassword, profile.passwordHash)) throw new AccessDenied('The old password is incorrect.');

  const expiration = passwordExpiration(profile.passwordChangedDate, await loadPasswordPolicy(store));
  if ((await loadPasswordPolicy(store))?.HardExpiry && expiration && expiration <= ctx.now) {
    throw new AccessDenied('The password has expired and the account password policy requires an administrator to reset it.');
  }
  const policy = await enforcePasswordPolicy(store, input.NewPassword);
  const reuse = policy?.PasswordReusePrevention ?? 0;
  if (
    reuse > 0 &&
    (await store.loginProfiles.passwordHistory(user.userId, reuse)).some((hash) => verifyPassword(input.NewPassword, hash))
  ) {
    throw new PasswordPolicyViolation(reuseViolation(reuse));
  }

  const now = ctx.now.toISOString();
  const passwordHash = hashPassword(input.NewPassword);
  await store.loginProfiles.update(user.userId, { passwordHash, passwordChangedDate: now, passwordResetRequired: false });
  await store.loginProfiles.addPasswordHistory(user.userId, passwordHash, now, PASSWORD_HISTORY_SIZE);
  return {};
};
