// Checks a one-time code of an enabled MFA device, for console sign-in and STS (GetSessionToken, AssumeRole).
import type { SecretBox } from '../../crypto/secrets';
import type { Store } from '../../store/types';
import { verifyTotp } from '../totp';

/** Whose device the code must come from: a user (by id) or the root user. */
export type MfaCodeOwner = { userId: string } | { root: true };

/**
 * True when `serialNumber` is a device enabled for `owner` and `code` is its valid, not yet used code (±1 step).
 * A valid code's step is recorded, so the same code cannot be used twice. Unknown devices, devices of someone
 * else and wrong codes all answer false: callers turn that into their own AWS error (AccessDenied, ...).
 */
export function verifyMfaCode(store: Store, secrets: SecretBox, owner: MfaCodeOwner, serialNumber: string, code: string, now: Date): boolean {
  const device = store.mfaDevices.get(serialNumber);
  if (!device) return false;
  const owned = 'root' in owner ? device.isRoot : device.userId === owner.userId;
  if (!owned) return false;
  const step = verifyTotp(secrets.decrypt(device.seedEncrypted), code, now, { lastUsedStep: device.lastUsedStep });
  if (step === undefined) return false;
  store.mfaDevices.setLastUsedStep(device.serialNumber, step);
  return true;
}
