// ChangePassword: the calling IAM user changes their own console password, proving the old one.
import { AccessDenied, InvalidUserType, NoSuchEntity, PasswordPolicyViolation } from '../../core/errors';
import type { IamOperation, OperationContext } from '../../core/context';
import { enforcePasswordPolicy, loadPasswordPolicy, passwordExpiration, reuseViolation } from '../password-policy/policy';
import { PASSWORD_HISTORY_SIZE, requireLoginProfile } from './login-profile-view';
import { passwordHashOf, passwordMatches, prepareHash, preparePasswordWork, prepareVerdicts } from './password-work';

export const changePassword: IamOperation<'ChangePassword'> = async (ctx, input) => {
  const { store, principal } = ctx;
  // Only IAM users have a password this operation can change; root and role sessions get InvalidUserType (AWS CLI docs).
  if (principal.type !== 'IAMUser' || !principal.userName) {
    throw new InvalidUserType(
      'ChangePassword can only be called by an IAM user; the root user and role sessions have no IAM user password.',
    );
  }
  const user = await callingUser(ctx);
  if (!user) throw new NoSuchEntity(`The user with name ${principal.userName} cannot be found.`);
  const profile = await requireLoginProfile(store, user.userId, user.userName);

  // AWS does not document the error for a wrong old password; AccessDenied keeps it among authentication failures.
  if (!passwordMatches(ctx, input.OldPassword, profile.passwordHash)) throw new AccessDenied('The old password is incorrect.');

  const expiration = passwordExpiration(profile.passwordChangedDate, await loadPasswordPolicy(store));
  if ((await loadPasswordPolicy(store))?.HardExpiry && expiration && expiration <= ctx.now) {
    throw new AccessDenied('The password has expired and the account password policy requires an administrator to reset it.');
  }
  const policy = await enforcePasswordPolicy(store, input.NewPassword);
  const reuse = policy?.PasswordReusePrevention ?? 0;
  if (
    reuse > 0 &&
    (await store.loginProfiles.passwordHistory(user.userId, reuse)).some((hash) => passwordMatches(ctx, input.NewPassword, hash))
  ) {
    throw new PasswordPolicyViolation(reuseViolation(reuse));
  }

  const now = ctx.now.toISOString();
  const passwordHash = passwordHashOf(ctx, input.NewPassword);
  await store.loginProfiles.update(user.userId, { passwordHash, passwordChangedDate: now, passwordResetRequired: false });
  await store.loginProfiles.addPasswordHistory(user.userId, passwordHash, now, PASSWORD_HISTORY_SIZE);
  return {};
};

/** The calling IAM user's record (by id, else by name), read through `ctx.store`. */
async function callingUser(ctx: OperationContext) {
  const { store, principal } = ctx;
  if (principal.type !== 'IAMUser' || !principal.userName) return undefined;
  return (principal.userId && (await store.users.getById(principal.userId))) || (await store.users.getByName(principal.userName));
}

/**
 * Before the unit, off the event loop: the old password against the stored hash, the new one against the hashes
 * password reuse prevention keeps, and the new hash. Read outside the unit, so each verdict is keyed by the stored
 * hash it was checked against; the operation looks them up by what it reads inside the unit.
 */
changePassword.prepare = async (ctx, input) => {
  const user = await callingUser(ctx);
  const profile = user && (await ctx.store.loginProfiles.get(user.userId));
  const reuse = profile ? ((await loadPasswordPolicy(ctx.store))?.PasswordReusePrevention ?? 0) : 0;
  const history =
    user && reuse > 0 ? await ctx.store.loginProfiles.passwordHistory(user.userId, Math.min(reuse, PASSWORD_HISTORY_SIZE)) : [];
  return preparePasswordWork(async (work) => {
    if (!profile) return;
    await prepareVerdicts(work, input.OldPassword, [profile.passwordHash]);
    await prepareVerdicts(work, input.NewPassword, history);
    await prepareHash(work, input.NewPassword);
  });
};
