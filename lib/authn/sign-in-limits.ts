// How failed console sign-ins are slowed down, persisted in the store so they survive a restart. Designed so that
// whoever is guessing is slowed, and nobody elsewhere can lock a user out of the right password:
// - per source address, across every name it tries (password spraying): back-off after 20 failures;
// - per user from one address: back-off after 5 failures (only that address waits);
// - per user from anywhere (a guesser spread over many addresses): after 10 failures, addresses that have never
//   signed in as that user may try only once per 1, 2, 4 … 60 seconds — a slow-down, never a lock, and
//   addresses the user has signed in from before are not slowed at all.
// Failures older than an hour are forgotten; a success clears the user's failures from that address.
import type { Store } from '../store/types';

interface Rule {
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

/** The limits (documented in README: "Console sign-in limits"). */
export const SIGN_IN_LIMITS = {
  address: { threshold: 20, baseSeconds: 30, maxSeconds: 15 * 60 } satisfies Rule,
  userAtAddress: { threshold: 5, baseSeconds: 30, maxSeconds: 15 * 60 } satisfies Rule,
  user: { threshold: 10, baseSeconds: 1, maxSeconds: 60 } satisfies Rule,
  /** Failures older than this are forgotten. */
  forgetAfterSeconds: 3600,
  /** An address the user signed in from within this many days is "known" and not slowed by the user-wide rule. */
  knownAddressDays: 90,
};

/** Who an attempt is about: the identity's key (`user:<account>:<name>` or `root:<email>`) and the source address. */
export interface SignInAttemptKey {
  identity: string;
  address: string;
}

function subjects(key: SignInAttemptKey) {
  return {
    address: `ip:${key.address}`,
    userAtAddress: `${key.identity}@${key.address}`,
    user: key.identity,
    known: `known:${key.identity}@${key.address}`,
  };
}

/** The sign-in limiter over the store's `signInAttempts`. */
export class SignInLimiter {
  constructor(private readonly store: Store) {}

  /** Seconds this attempt must wait before it is even checked, or 0. */
  retryAfterSeconds(key: SignInAttemptKey, now: Date): number {
    const s = subjects(key);
    const waits = [this.lockedFor(s.address, now), this.lockedFor(s.userAtAddress, now)];
    if (!this.isKnownAddress(s.known, now)) waits.push(this.lockedFor(s.user, now));
    return Math.max(...waits);
  }

  /** Records a failed attempt against the address, the user from that address, and the user. */
  recordFailure(key: SignInAttemptKey, now: Date): void {
    const s = subjects(key);
    this.store.transaction(() => {
      this.fail(s.address, SIGN_IN_LIMITS.address, now);
      this.fail(s.userAtAddress, SIGN_IN_LIMITS.userAtAddress, now);
      this.fail(s.user, SIGN_IN_LIMITS.user, now);
    });
  }

  /** Records a success: the user's failures from this address are forgotten and the address becomes known. */
  recordSuccess(key: SignInAttemptKey, now: Date): void {
    const s = subjects(key);
    this.store.transaction(() => {
      this.store.signInAttempts.clear(s.userAtAddress);
      this.store.signInAttempts.put({ subject: s.known, failures: 0, lastFailure: now.toISOString() });
    });
  }

  private isKnownAddress(subject: string, now: Date): boolean {
    const record = this.store.signInAttempts.get(subject);
    return record !== undefined && now.getTime() - Date.parse(record.lastFailure) < SIGN_IN_LIMITS.knownAddressDays * 86_400_000;
  }

  private lockedFor(subject: string, now: Date): number {
    const record = this.store.signInAttempts.get(subject);
    if (!record?.lockedUntil) return 0;
    const remaining = Date.parse(record.lockedUntil) - now.getTime();
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  private fail(subject: string, rule: Rule, now: Date): void {
    const record = this.store.signInAttempts.get(subject);
    const stale = record && now.getTime() - Date.parse(record.lastFailure) > SIGN_IN_LIMITS.forgetAfterSeconds * 1000;
    const failures = (record && !stale ? record.failures : 0) + 1;
    let lockedUntil: string | undefined;
    if (failures >= rule.threshold) {
      const seconds = Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.threshold));
      lockedUntil = new Date(now.getTime() + seconds * 1000).toISOString();
    }
    this.store.signInAttempts.put({ subject, failures, lastFailure: now.toISOString(), lockedUntil });
  }
}
