// The PostgreSQL account cache: believed only while trusted, for at most ACCOUNT_CACHE_MAX_AGE_MS, until forgotten;
// a reading that began before a forget is not kept; a unit's repository never reads through it.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_CACHE_MAX_AGE_MS, AccountCache, PostgresAccountRepository } from './account';
import type { Sql } from './sql';
import type { AccountRow } from '../rows/account';

const row = (policy: string | null): AccountRow => ({
  account_id: '123456789012',
  root_email: 'root@example.com',
  root_password_hash: null,
  root_password_last_used: null,
  root_mfa_serial: null,
  password_policy: policy,
  create_date: '2026-01-01T00:00:00.000Z',
});

/** A Sql whose account row is `current`, counting the reads; `gate` holds a read until released. */
function fakeSql() {
  const state = { current: row(null), reads: 0, gate: undefined as Promise<void> | undefined, updates: [] as string[] };
  const sql: Sql = {
    async rows<R>() {
      state.reads++;
      const answer = state.current;
      if (state.gate) await state.gate;
      return [answer] as R[];
    },
    async row<R>(text: string, values?: readonly unknown[]) {
      return (await sql.rows<R>(text, values))[0];
    },
    async run(text: string) {
      state.updates.push(text);
      return 1;
    },
    atomically: (fn) => fn(sql),
  };
  return { sql, state };
}

describe('AccountCache', () => {
  it('serves the row it read until forgotten, then reads again', async () => {
    const { sql, state } = fakeSql();
    const cache = new AccountCache(() => true);
    const repository = new PostgresAccountRepository(sql, cache, true, () => 0);
    expect((await repository.get())?.passwordPolicy).toBeUndefined();
    await repository.get();
    expect(state.reads).toBe(1);
    state.current = row('{"AllowUsersToChangePassword":true}');
    cache.forget();
    expect((await repository.get())?.passwordPolicy).toBe('{"AllowUsersToChangePassword":true}');
    expect(state.reads).toBe(2);
  });

  it('reads every time while the invalidation channel is not trusted', async () => {
    const { sql, state } = fakeSql();
    let trusted = false;
    const repository = new PostgresAccountRepository(sql, new AccountCache(() => trusted), true, () => 0);
    await repository.get();
    await repository.get();
    expect(state.reads).toBe(2);
    trusted = true;
    await repository.get();
    await repository.get();
    expect(state.reads).toBe(3);
    trusted = false;
    await repository.get();
    expect(state.reads).toBe(4);
  });

  it('believes a row for ACCOUNT_CACHE_MAX_AGE_MS at most', async () => {
    const { sql, state } = fakeSql();
    let now = 1_000_000;
    const repository = new PostgresAccountRepository(sql, new AccountCache(() => true), true, () => now);
    await repository.get();
    now += ACCOUNT_CACHE_MAX_AGE_MS - 1;
    await repository.get();
    expect(state.reads).toBe(1);
    now += 1;
    await repository.get();
    expect(state.reads).toBe(2);
  });

  it('does not keep a reading that began before a forget (a change committed meanwhile)', async () => {
    const { sql, state } = fakeSql();
    const cache = new AccountCache(() => true);
    const repository = new PostgresAccountRepository(sql, cache, true, () => 0);
    let release!: () => void;
    state.gate = new Promise((resolve) => (release = resolve));
    const slow = repository.get(); // reads the row before the change
    await Promise.resolve();
    state.current = row('{"MinimumPasswordLength":20}');
    cache.forget(); // the change is announced while the reading is in flight
    release();
    expect((await slow)?.passwordPolicy).toBeUndefined();
    state.gate = undefined;
    expect((await repository.get())?.passwordPolicy).toBe('{"MinimumPasswordLength":20}');
  });

  it("forgets on the repository's own writes; a unit's repository reads its own transaction every time", async () => {
    const { sql, state } = fakeSql();
    const cache = new AccountCache(() => true);
    const root = new PostgresAccountRepository(sql, cache, true, () => 0);
    const unit = new PostgresAccountRepository(sql, cache, false, () => 0);
    await root.get();
    await unit.get();
    await unit.get();
    expect(state.reads).toBe(3);
    await unit.update({ passwordPolicy: '{}' });
    expect(state.updates).toHaveLength(1);
    await root.get();
    expect(state.reads).toBe(4);
  });

  it('forgets again when a unit that wrote the account ends, not when another unit does', async () => {
    const { sql, state } = fakeSql();
    const cache = new AccountCache(() => true);
    const root = new PostgresAccountRepository(sql, cache, true, () => 0);
    const { sql: otherUnitSql } = fakeSql();
    const writing = new PostgresAccountRepository(sql, cache, false, () => 0);
    await writing.update({ passwordPolicy: '{"MinimumPasswordLength":20}' });
    await root.get(); // read while the unit is open: the row from before its commit
    expect(state.reads).toBe(1);
    cache.ended(otherUnitSql);
    await root.get();
    expect(state.reads).toBe(1);
    cache.ended(sql); // the writing unit commits
    await root.get();
    expect(state.reads).toBe(2);
    cache.ended(sql); // once only
    await root.get();
    expect(state.reads).toBe(2);
  });

  it('hands out copies: a caller changing the record does not change what is cached', async () => {
    const { sql } = fakeSql();
    const repository = new PostgresAccountRepository(sql, new AccountCache(() => true), true, () => 0);
    const first = (await repository.get())!;
    first.passwordPolicy = 'tampered';
    expect((await repository.get())!.passwordPolicy).toBeUndefined();
  });
});
