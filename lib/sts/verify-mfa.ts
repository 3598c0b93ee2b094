// Checks an MFA code (TOTP) of a device enabled for a principal, with replay protection, for STS and sign-in.
import type { SecretBox } from '../crypto/secrets';
import { verifyTotp } from '../iam/totp';
import type { MfaDeviceRecord } from '../store/mfa-devices';
import type { Store } from '../store/types';

/** The device of `serialNumber` when it is enabled for the user (or for root when `userId` is undefined). */
export function deviceOf(store: Store, serialNumber: string, userId: string | undefined): MfaDeviceRecord | undefined {
  const device = store.mfaDevices.get(serialNumber);
  if (!device || !device.enableDate) return undefined;
  if (userId === undefined ? !device.isRoot : device.userId !== userId) return undefined;
  return device;
}

/** True when `code` is a fresh valid code of the device; records its time step so it cannot be replayed. */
export function acceptMfaCode(deps: { store: Store; secrets: SecretBox }, device: MfaDeviceRecord, code: string, now: Date): boolean {
  const seed = deps.secrets.decrypt(device.seedEncrypted);
  const step = verifyTotp(seed, code, now, { lastUsedStep: device.lastUsedStep });
  if (step === undefined) return false;
  deps.store.mfaDevices.setLastUsedStep(device.serialNumber, step);
  return true;
}
