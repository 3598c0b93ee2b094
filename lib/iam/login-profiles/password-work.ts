// Password hashing and checks for the login-profile operations: computed before the unit on libuv's thread pool
// (`Operation.prepare`), looked up inside it. A result that is missing (no prepare ran, or the stored hash changed
// in between) is computed there and then, synchronously, so the answer never depends on the advice being present.
import type { OperationContext, PasswordWork } from '../../core/context';
import { Throttling, THROTTLING_MESSAGE } from '../../core/errors';
import { WorkLimit } from '../../core/work-limit';
import { hashPassword, hashPasswordAsync, verifyPassword, verifyPasswordAsync } from '../../crypto/secrets';

/**
 * One request's password work at a time, 64 waiting; beyond that, `Throttling`. libuv's pool (4 threads) is shared
 * with console sign-in (2 at a time) and file I/O, so a flood of ChangePassword calls (up to 25 checks each) cannot
 * take all of it.
 */
const PASSWORD_WORK = new WorkLimit({ checks: 1, waiting: 64 });

/** Runs `fill` on a fresh `PasswordWork` in its turn (its checks one after another), or answers `Throttling`. */
export async function preparePasswordWork(fill: (work: PasswordWork) => Promise<void>): Promise<PasswordWork> {
  const work: PasswordWork = { hashes: new Map(), verdicts: new Map() };
  const done = await PASSWORD_WORK.run(async () => {
    await fill(work);
    return true;
  });
  if (!done) throw new Throttling(THROTTLING_MESSAGE);
  return work;
}

const verdictKey = (plaintext: string, stored: string) => `${plaintext}\u0000${stored}`;

/** Hashes `plaintext` off the event loop into `work` (a string only: input validation comes later, in the unit). */
export async function prepareHash(work: PasswordWork, plaintext: unknown): Promise<void> {
  if (typeof plaintext === 'string' && !work.hashes.has(plaintext)) work.hashes.set(plaintext, await hashPasswordAsync(plaintext));
}

/** Checks `plaintext` against each stored hash off the event loop, into `work`. */
export async function prepareVerdicts(work: PasswordWork, plaintext: unknown, stored: readonly string[]): Promise<void> {
  if (typeof plaintext !== 'string') return;
  for (const hash of stored) work.verdicts.set(verdictKey(plaintext, hash), await verifyPasswordAsync(plaintext, hash));
}

/** The hash of a new password: prepared, or computed now. */
export function passwordHashOf(ctx: OperationContext, plaintext: string): string {
  return ctx.passwords?.hashes.get(plaintext) ?? hashPassword(plaintext);
}

/** Whether `plaintext` matches `stored`: prepared for exactly this stored hash, or checked now. */
export function passwordMatches(ctx: OperationContext, plaintext: string, stored: string): boolean {
  return ctx.passwords?.verdicts.get(verdictKey(plaintext, stored)) ?? verifyPassword(plaintext, stored);
}
