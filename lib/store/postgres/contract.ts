// The asynchronous Store contract (docs/STORAGE.md), stated locally over today's synchronous interfaces until the
// async conversion of lib/store/types.ts lands: every repository method returns a promise of what it returns today,
// and units of work hand their function a Store scoped to the unit.
import type { Store } from '../types';

/** A repository whose methods return promises of today's results. */
export type Async<R> = { [K in keyof R]: R[K] extends (...args: infer A) => infer T ? (...args: A) => Promise<T> : R[K] };

/** The Store's repository fields. */
export type RepositoryName = {
  [K in keyof Store]: Store[K] extends (...args: never[]) => unknown ? never : K;
}[keyof Store];

/** The Store as docs/STORAGE.md states it. */
export type AsyncStore = { readonly [K in RepositoryName]: Async<Store[K]> } & {
  /** Runs `fn` as one atomic write unit; a call on a scoped store joins its unit. */
  transaction<T>(fn: (store: AsyncStore) => Promise<T>): Promise<T>;
  /** Runs `fn`'s reads on one consistent snapshot. */
  read<T>(fn: (store: AsyncStore) => Promise<T>): Promise<T>;
  /** Runs one operation's writes atomically; resolves only after they are committed (or grouped for commit, see `settled`). */
  groupWrite<T>(fn: (store: AsyncStore) => Promise<T>): Promise<T>;
  /** Resolves when every write made so far is committed. */
  settled(): Promise<void>;
  /** Registers a listener called after writes that had run were rolled back (caches must forget them). */
  onRollback(listener: () => void): void;
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /** Removes every row of every table but the schema version (`POST /_gatehouse/reset`). */
  wipe(): Promise<void>;
  close(): Promise<void>;
};
