// Checks an IAM user's console password for sign-in, and tells what the password policy requires next.
import { verifyPassword, verifyPasswordAsync } from '../../crypto/secrets';
import type { Store } from '../../store/types';
import { loadPasswordPolicy, passwordExpiration } from '../password-policy/policy';

/**
 * The outcome of a console password check:
 * - `invalid`: no login profile, or a wrong password;
 * - `ok`: signed in;
 * - `change-required`: signed in, but the user must set a new password first (PasswordResetRequired, or an
 *   expired password without HardExpiry) — with ChangePassword;
 * - `expired`: the password expired and the policy's HardExpiry means only an administrator can reset it.
 */
export type ConsolePasswordCheck = 'invalid' | 'ok' | 'change-required' | 'expired';

/** Checks `password` against the user's login profile at `now`. Does not record the sign-in. */
export async function verifyConsolePassword(store: Store, userId: string, password: string, now: Date): Promise<ConsolePasswordCheck> {
  const profile = await store.loginProfiles.get(userId);
  if (!profile || !verifyPassword(password, profile.passwordHash)) return 'invalid';
  const policy = await loadPasswordPolicy(store);
  const expiration = passwordExpiration(profile.passwordChangedDate ?? profile.createDate, policy);
  if (expiration && expiration <= now) return policy?.HardExpiry ? 'expired' : 'change-required';
  return profile.passwordResetRequired ? 'change-required' : 'ok';
}

/**
 * `verifyConsolePassword` with the hash checked off the event loop (the sign-in route: unauthenticated, so it
 * must not let a flood of attempts stall everyone's API calls).
 */
export async function verifyConsolePasswordAsync(store: Store, userId: string, password: string, now: Date): Promise<ConsolePasswordCheck> {
  const profile = await store.loginProfiles.get(userId);
  if (!profile || !(await verifyPasswordAsync(password, profile.passwordHash))) return 'invalid';
  // The profile may have changed while the hash was computed: judge the policy on what is stored now.
  const current = await store.loginProfiles.get(userId);
  if (!current || current.passwordHash !== profile.passwordHash) return 'invalid';
  const policy = await loadPasswordPolicy(store);
  const expiration = passwordExpiration(current.passwordChangedDate ?? current.createDate, policy);
  if (expiration && expiration <= now) return policy?.HardExpiry ? 'expired' : 'change-required';
  return current.passwordResetRequired ? 'change-required' : 'ok';
}
