// Slows down repeated failed sign-ins the console itself checks (access keys); password sign-ins are throttled
// by the service's sign-in route.
import 'server-only';

const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60 * 1000;

interface Entry {
  failures: number;
  first: number;
  lockedUntil: number;
}

/** A failure counter per key (e.g. source IP + access key ID) with exponential lock-out after a few failures. */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before another attempt is accepted, or 0. */
  retryAfterSeconds(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const wait = entry.lockedUntil - this.now();
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** Records a failed attempt. */
  fail(key: string): void {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || now - entry.first > WINDOW_MS) entry = { failures: 0, first: now, lockedUntil: 0 };
    entry.failures += 1;
    if (entry.failures >= FREE_FAILURES) {
      entry.lockedUntil = now + Math.min(MAX_LOCK_MS, 1000 * 2 ** (entry.failures - FREE_FAILURES));
    }
    this.entries.set(key, entry);
    if (this.entries.size > 10_000) this.prune(now);
  }

  /** Forgets a key after a successful sign-in. */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (now - entry.first > WINDOW_MS && entry.lockedUntil < now) this.entries.delete(key);
  }
}
