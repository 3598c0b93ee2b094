// Checks a one-time code of an enabled MFA device, for console sign-in and STS (GetSessionToken, AssumeRole).
import type { SecretBox } from '../../crypto/secrets';
import type { MfaDeviceRecord } from '../../store/mfa-devices';
import type { Store } from '../../store/types';
import { verifyTotp } from '../totp';

/** The device of `serialNumber` when it is enabled for the user (or for root when `userId` is undefined). */
export async function deviceOf(store: Store, serialNumber: string, userId: string | undefined): Promise<MfaDeviceRecord | undefined> {
  const device = await store.mfaDevices.get(serialNumber);
  if (!device || !device.enableDate) return undefined;
  if (userId === undefined ? !device.isRoot : device.userId !== userId) return undefined;
  return device;
}

/**
 * True when `code` is a fresh valid code of the device (±1 step); records its time step so that neither it nor
 * an older code can be used again. Callers turn false into their own AWS error (AccessDenied, ...).
 */
export async function acceptMfaCode(
  deps: { store: Store; secrets: SecretBox },
  device: MfaDeviceRecord,
  code: string,
  now: Date,
): Promise<boolean> {
  const step = verifyTotp(deps.secrets.decrypt(device.seedEncrypted), code, now, { lastUsedStep: device.lastUsedStep });
  if (step === undefined) return false;
  await deps.store.mfaDevices.setLastUsedStep(device.serialNumber, step);
  return true;
}
