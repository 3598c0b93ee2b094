// The `LoginProfile` element of IAM responses, and the lookup of a user's profile with AWS's NoSuchEntity.
import { NoSuchEntity } from '../../core/errors';
import type { Store } from '../../store/types';
import type { LoginProfileRecord } from '../../store/login-profiles';

/** Previous password hashes kept per user: PasswordReusePrevention allows at most 24. */
export const PASSWORD_HISTORY_SIZE = 24;

export function loginProfileView(userName: string, profile: LoginProfileRecord) {
  return { UserName: userName, CreateDate: profile.createDate, PasswordResetRequired: profile.passwordResetRequired };
}

/** The user's login profile, or NoSuchEntity as AWS words it. */
export async function requireLoginProfile(store: Store, userId: string, userName: string): Promise<LoginProfileRecord> {
  const profile = await store.loginProfiles.get(userId);
  if (!profile) throw new NoSuchEntity(`Login Profile for User ${userName} cannot be found.`);
  return profile;
}
