// TOTP (RFC 6238) for virtual MFA devices, as AWS uses them: SHA-1, 6 digits, 30-second steps, built on `otpauth`.
// Shared by the MFA operations and by console/STS sign-in.
import { Secret, TOTP } from 'otpauth';

/** AWS's virtual MFA parameters. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** Bytes of a new seed: AWS's Base32StringSeed is 64 base32 characters, i.e. 40 bytes. */
const SEED_BYTES = 40;

export interface TotpOptions {
  /** How many steps before and after the current one are accepted (default 1, i.e. ±30 seconds). */
  window?: number;
  /** The last step accepted for this device: that step and earlier ones are refused (replay protection). */
  lastUsedStep?: number;
}

/** A new random seed, base32-encoded (64 characters). */
export function newTotpSeed(): string {
  return new Secret({ size: SEED_BYTES }).base32;
}

/** The time step of an instant. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a seed at a given time step. */
export function totpCode(seedBase32: string, step: number): string {
  return TOTP.generate({
    secret: Secret.fromBase32(seedBase32),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: step * TOTP_PERIOD_SECONDS * 1000,
  });
}

/**
 * Checks one code. Returns the time step it belongs to, or undefined when it is not valid within the window
 * or its step is not after `lastUsedStep`. The caller records the returned step as the device's last used step.
 */
export function verifyTotp(seedBase32: string, code: string, now: Date, options: TotpOptions = {}): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const window = options.window ?? 1;
  const current = totpStep(now);
  // Newest step first: with replay protection, a code valid at several steps counts as the latest one.
  for (let step = current + window; step >= current - window; step--) {
    if (options.lastUsedStep !== undefined && step <= options.lastUsedStep) break;
    if (totpCode(seedBase32, step) === code) return step;
  }
  return undefined;
}

/**
 * Checks two codes that must be consecutive (the first at step s, the second at s + 1), as EnableMFADevice and
 * ResyncMFADevice require. `window` bounds how far the second code's step may be from now (default 1).
 * Returns the second code's step, or undefined.
 */
export function verifyConsecutiveTotp(
  seedBase32: string,
  code1: string,
  code2: string,
  now: Date,
  options: TotpOptions = {},
): number | undefined {
  if (!/^\d{6}$/.test(code1) || !/^\d{6}$/.test(code2)) return undefined;
  const window = options.window ?? 1;
  const current = totpStep(now);
  for (let step = current + window; step >= current - window; step--) {
    if (options.lastUsedStep !== undefined && step - 1 <= options.lastUsedStep) break;
    if (totpCode(seedBase32, step) === code2 && totpCode(seedBase32, step - 1) === code1) return step;
  }
  return undefined;
}

/** The `otpauth://totp/...` URI an authenticator app scans. */
export function totpUri(seedBase32: string, issuer: string, label: string): string {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(seedBase32),
  }).toString();
}
