// How failed console sign-ins are slowed down, persisted in the store so they survive a restart. Designed so that
// whoever is guessing is slowed, and nobody elsewhere can lock a user out of the right password:
// - per source address, across every name it tries (password spraying): back-off after 20 failures;
// - per user from one address: back-off after 5 failures (only that address waits);
// - per user from anywhere (a guesser spread over many addresses): after 10 failures, addresses that have never
//   signed in as that user may try only once per 1, 2, 4 … 60 seconds — a slow-down, never a lock, and
//   addresses the user has signed in from before are not slowed at all.
// Failures older than an hour are forgotten; a success clears the user's failures from that address.
// An attempt is counted as a failure before it is checked (`reserve`) and taken back if it was not one (`release`),
// so that attempts made at once are held back exactly like attempts made one after another.
// One implementation for every way into the console: the service's password sign-in keeps the counts in its
// store; the console's access-key sign-in (which also works against AWS) keeps them in memory.
import type { SignInAttemptRecord, SignInAttemptRepository } from '../store/sign-in-attempts';

/** Where the counts live: the service's Store, or `memorySignInAttempts()`. */
export interface SignInAttemptStore {
  readonly signInAttempts: SignInAttemptRepository;
  transaction<T>(fn: (store: SignInAttemptStore) => Promise<T>): Promise<T>;
}

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
  constructor(private readonly store: SignInAttemptStore) {}

  /** Seconds this attempt must wait before it is even checked, or 0. */
  async retryAfterSeconds(key: SignInAttemptKey, now: Date): Promise<number> {
    return this.waitOf(this.store, key, now);
  }

  /**
   * Reserves an attempt before it is checked: in one transaction, either the seconds it must wait (nothing is
   * counted), or 0 and the attempt counted as a failure at once. An attempt that turns out not to be a failure is
   * taken back with `release`; one that is never settled (the process stopped) stays counted.
   */
  async reserve(key: SignInAttemptKey, now: Date): Promise<number> {
    return this.store.transaction(async (store) => {
      const wait = await this.waitOf(store, key, now);
      if (wait === 0) await countFailure(store, key, now);
      return wait;
    });
  }

  /** Takes back a reserved attempt that was not a failure (it succeeded, or it was never checked). */
  async release(key: SignInAttemptKey, now: Date): Promise<void> {
    const s = subjects(key);
    await this.store.transaction(async (store) => {
      await takeBack(store, s.address, SIGN_IN_LIMITS.address, now);
      await takeBack(store, s.userAtAddress, SIGN_IN_LIMITS.userAtAddress, now);
      await takeBack(store, s.user, SIGN_IN_LIMITS.user, now);
    });
  }

  /** Records a failed attempt against the address, the user from that address, and the user. */
  async recordFailure(key: SignInAttemptKey, now: Date): Promise<void> {
    await this.store.transaction((store) => countFailure(store, key, now));
  }

  /** Records a success: the user's failures from this address are forgotten and the address becomes known. */
  async recordSuccess(key: SignInAttemptKey, now: Date): Promise<void> {
    const s = subjects(key);
    await this.store.transaction(async (store) => {
      await store.signInAttempts.clear(s.userAtAddress);
      await store.signInAttempts.put({ subject: s.known, failures: 0, lastFailure: now.toISOString() });
    });
  }

  private async waitOf(store: SignInAttemptStore, key: SignInAttemptKey, now: Date): Promise<number> {
    const s = subjects(key);
    const waits = [await lockedFor(store, s.address, now), await lockedFor(store, s.userAtAddress, now)];
    if (!(await isKnownAddress(store, s.known, now))) waits.push(await lockedFor(store, s.user, now));
    return Math.max(...waits);
  }
}

async function isKnownAddress(store: SignInAttemptStore, subject: string, now: Date): Promise<boolean> {
  const record = await store.signInAttempts.get(subject);
  return record !== undefined && now.getTime() - Date.parse(record.lastFailure) < SIGN_IN_LIMITS.knownAddressDays * 86_400_000;
}

async function lockedFor(store: SignInAttemptStore, subject: string, now: Date): Promise<number> {
  const record = await store.signInAttempts.get(subject);
  if (!record?.lockedUntil) return 0;
  const remaining = Date.parse(record.lockedUntil) - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

async function countFailure(store: SignInAttemptStore, key: SignInAttemptKey, now: Date): Promise<void> {
  const s = subjects(key);
  await fail(store, s.address, SIGN_IN_LIMITS.address, now);
  await fail(store, s.userAtAddress, SIGN_IN_LIMITS.userAtAddress, now);
  await fail(store, s.user, SIGN_IN_LIMITS.user, now);
}

/**
 * Takes back one failure of a subject. Below the threshold its lockout goes too; at or above it stays as it is (the
 * lockout of a later failure may be longer than the count now calls for: held back too long, never too little).
 */
async function takeBack(store: SignInAttemptStore, subject: string, rule: Rule, now: Date): Promise<void> {
  const record = await store.signInAttempts.get(subject);
  if (!record) return;
  const stale = now.getTime() - Date.parse(record.lastFailure) > SIGN_IN_LIMITS.forgetAfterSeconds * 1000;
  const failures = stale ? 0 : record.failures - 1;
  if (failures <= 0) await store.signInAttempts.clear(subject);
  else await store.signInAttempts.put({ ...record, failures, lockedUntil: failures >= rule.threshold ? record.lockedUntil : undefined });
}

/** Counts one failure of a subject under its rule, locking it out past the rule's threshold. */
async function fail(store: SignInAttemptStore, subject: string, rule: Rule, now: Date): Promise<void> {
  const record = await store.signInAttempts.get(subject);
  const stale = record && now.getTime() - Date.parse(record.lastFailure) > SIGN_IN_LIMITS.forgetAfterSeconds * 1000;
  const failures = (record && !stale ? record.failures : 0) + 1;
  let lockedUntil: string | undefined;
  if (failures >= rule.threshold) {
    const seconds = Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.threshold));
    lockedUntil = new Date(now.getTime() + seconds * 1000).toISOString();
  }
  await store.signInAttempts.put({ subject, failures, lastFailure: now.toISOString(), lockedUntil });
}

/** Counts kept in this process's memory (at most `maxSubjects`; stale subjects are dropped first). */
export function memorySignInAttempts(maxSubjects = 100_000, clock: () => number = Date.now): SignInAttemptStore {
  const records = new Map<string, SignInAttemptRecord>();
  const prune = () => {
    const now = clock();
    for (const [subject, record] of records) {
      const lockedUntil = record.lockedUntil ? Date.parse(record.lockedUntil) : 0;
      const known = subject.startsWith('known:');
      const age = now - Date.parse(record.lastFailure);
      if (lockedUntil < now && age > (known ? SIGN_IN_LIMITS.knownAddressDays * 86_400_000 : SIGN_IN_LIMITS.forgetAfterSeconds * 1000))
        records.delete(subject);
    }
    // Still full: drop the oldest entries (insertion order), never refusing to count.
    for (const subject of records.keys()) {
      if (records.size < maxSubjects) break;
      records.delete(subject);
    }
  };
  let queue: Promise<void> = Promise.resolve();
  const signInAttempts: SignInAttemptRepository = {
    get: async (subject) => records.get(subject),
    put: async (record) => {
      if (!records.has(record.subject) && records.size >= maxSubjects) prune();
      records.delete(record.subject);
      records.set(record.subject, { ...record });
    },
    clear: async (subject) => {
      records.delete(subject);
    },
  };
  const view: SignInAttemptStore = { signInAttempts, transaction: (fn) => fn(view) };
  const store: SignInAttemptStore = {
    signInAttempts,
    // One transaction at a time, as on the stores: a reservation reads and writes its counts without a race. A
    // transaction's own calls (the view it is given) run at once.
    transaction(fn) {
      const run = queue.then(() => fn(view));
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
  };
  return store;
}
