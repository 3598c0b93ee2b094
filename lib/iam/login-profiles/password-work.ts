// Password hashing and checks for the login-profile operations: computed before the unit on libuv's thread pool
// (`Operation.prepare`), looked up inside it. A result that is missing (no prepare ran, or the stored hash changed
// in between) is computed there and then, synchronously, so the answer never depends on the advice being present.
import type { OperationContext, PasswordWork } from '../../core/context';
import { hashPassword, hashPasswordAsync, verifyPassword, verifyPasswordAsync } from '../../crypto/secrets';

export function newPasswordWork(): PasswordWork {
  return { hashes: new Map(), verdicts: new Map() };
}

const verdictKey = (plaintext: string, stored: string) => `${plaintext}\u0000${stored}`;

/** Hashes `plaintext` off the event loop into `work` (a string only: input validation comes later, in the unit). */
export async function prepareHash(work: PasswordWork, plaintext: unknown): Promise<void> {
  if (typeof plaintext === 'string' && !work.hashes.has(plaintext)) work.hashes.set(plaintext, await hashPasswordAsync(plaintext));
}

/** Checks `plaintext` against each stored hash off the event loop, into `work`. */
export async function prepareVerdicts(work: PasswordWork, plaintext: unknown, stored: readonly string[]): Promise<void> {
  if (typeof plaintext !== 'string') return;
  await Promise.all(
    stored.map(async (hash) => {
      work.verdicts.set(verdictKey(plaintext, hash), await verifyPasswordAsync(plaintext, hash));
    }),
  );
}

/** The hash of a new password: prepared, or computed now. */
export function passwordHashOf(ctx: OperationContext, plaintext: string): string {
  return ctx.passwords?.hashes.get(plaintext) ?? hashPassword(plaintext);
}

/** Whether `plaintext` matches `stored`: prepared for exactly this stored hash, or checked now. */
export function passwordMatches(ctx: OperationContext, plaintext: string, stored: string): boolean {
  return ctx.passwords?.verdicts.get(verdictKey(plaintext, stored)) ?? verifyPassword(plaintext, stored);
}
