// TOTP verification with a fixed clock: RFC 6238 vectors, the ±1 window, replay protection, consecutive codes.
import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { newTotpSeed, totpCode, totpStep, totpUri, verifyConsecutiveTotp, verifyTotp } from './totp';

// RFC 6238 appendix B: SHA-1 secret "12345678901234567890".
const RFC_SEED = Secret.fromLatin1('12345678901234567890').base32;
const NOW = new Date('2026-03-01T12:00:10Z');
const STEP = totpStep(NOW);

describe('totp', () => {
  it('matches the RFC 6238 SHA-1 vectors (6 digits)', () => {
    expect(totpCode(RFC_SEED, Math.floor(59 / 30))).toBe('287082');
    expect(totpCode(RFC_SEED, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpCode(RFC_SEED, Math.floor(2000000000 / 30))).toBe('279037');
  });

  it('makes 64-character base32 seeds, as AWS does', () => {
    const seed = newTotpSeed();
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    expect(newTotpSeed()).not.toBe(seed);
  });

  it('accepts the current code and its neighbours, returning their step', () => {
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, STEP), NOW)).toBe(STEP);
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, STEP - 1), NOW)).toBe(STEP - 1);
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, STEP + 1), NOW)).toBe(STEP + 1);
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, STEP - 2), NOW)).toBeUndefined();
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, STEP - 2), NOW, { window: 2 })).toBe(STEP - 2);
    expect(verifyTotp(RFC_SEED, 'abcdef', NOW)).toBeUndefined();
  });

  it('refuses a code whose step was already used (replay)', () => {
    const code = totpCode(RFC_SEED, STEP);
    const used = verifyTotp(RFC_SEED, code, NOW)!;
    expect(verifyTotp(RFC_SEED, code, NOW, { lastUsedStep: used })).toBeUndefined();
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, STEP + 1), NOW, { lastUsedStep: used })).toBe(STEP + 1);
  });

  it('requires two consecutive codes, in order', () => {
    const [a, b, c] = [totpCode(RFC_SEED, STEP - 1), totpCode(RFC_SEED, STEP), totpCode(RFC_SEED, STEP + 1)];
    expect(verifyConsecutiveTotp(RFC_SEED, a, b, NOW)).toBe(STEP);
    expect(verifyConsecutiveTotp(RFC_SEED, b, c, NOW)).toBe(STEP + 1);
    expect(verifyConsecutiveTotp(RFC_SEED, b, a, NOW)).toBeUndefined();
    expect(verifyConsecutiveTotp(RFC_SEED, a, c, NOW)).toBeUndefined();
    expect(verifyConsecutiveTotp(RFC_SEED, b, b, NOW)).toBeUndefined();
    expect(verifyConsecutiveTotp(RFC_SEED, a, b, NOW, { lastUsedStep: STEP - 1 })).toBeUndefined();
  });

  it('bounds consecutive codes by the window (resync accepts drift)', () => {
    const [old1, old2] = [totpCode(RFC_SEED, STEP - 11), totpCode(RFC_SEED, STEP - 10)];
    expect(verifyConsecutiveTotp(RFC_SEED, old1, old2, NOW)).toBeUndefined();
    expect(verifyConsecutiveTotp(RFC_SEED, old1, old2, NOW, { window: 20 })).toBe(STEP - 10);
  });

  it('builds an otpauth URI that an authenticator (otpauth) reads back to the same codes', () => {
    const seed = newTotpSeed();
    const uri = totpUri(seed, 'Gatehouse', 'phone@123456789012');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Gatehouse:phone%40123456789012\?/);
    const parsed = TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: NOW.getTime() });
    expect(verifyTotp(seed, parsed, NOW)).toBe(STEP);
  });
});
