// PostgreSQL implementation of the account repository. Another instance may change the account (password policy,
// root MFA) at any time, so the row it remembers is only believed while the instance's invalidation channel is
// trusted and nothing said it changed, and for a second at most (AccountCache); inside a unit it is always read.
import type { AccountRecord, AccountRepository } from '../account';
import type { Sql } from './sql';
import { ACCOUNT_COLUMNS, toAccountRecord, type AccountRow } from '../rows/account';

/** How long a remembered account row is believed at most, in ms, even when nothing said it changed. */
export const ACCOUNT_CACHE_MAX_AGE_MS = 1000;

/**
 * The account row as this instance last read it outside a unit: every request's authentication reads it (the
 * account a key belongs to), which on PostgreSQL was a round trip of its own per request. Forgotten whenever any
 * instance announces a change (every IAM write that can change the account does: UpdateAccountPasswordPolicy,
 * Enable/DeactivateMFADevice for root...), when this instance writes the account and when the unit that wrote it
 * ends (committed or rolled back), on a wipe, and when the invalidation channel is lost; believed only while that
 * channel is trusted; a reading that started before the latest of those is never kept.
 */
export class AccountCache {
  private generation = 0;
  private entry: { generation: number; at: number; record: AccountRecord | undefined } | undefined;
  /** The units (their Sql) that wrote the account and have not ended yet. */
  private readonly writers = new WeakSet<Sql>();

  constructor(private readonly trusted: () => boolean) {}

  forget(): void {
    this.generation++;
    this.entry = undefined;
  }

  /** The unit of `sql` writes the account: forgotten now, and again when the unit ends (`ended`). */
  written(sql: Sql): void {
    this.writers.add(sql);
    this.forget();
  }

  /** A unit committed or rolled back: if it wrote the account, a row read outside it meanwhile is the old one. */
  ended(sql: Sql): void {
    if (this.writers.delete(sql)) this.forget();
  }

  /** The remembered row (`undefined` record: no account), or undefined when there is none to believe. */
  current(now: number): { record: AccountRecord | undefined } | undefined {
    const entry = this.entry;
    if (entry === undefined || entry.generation !== this.generation || now - entry.at >= ACCOUNT_CACHE_MAX_AGE_MS) return undefined;
    return this.trusted() ? entry : undefined;
  }

  /** Reads through `read`, remembering its answer unless something was forgotten meanwhile. */
  async readThrough(read: () => Promise<AccountRecord | undefined>, now: () => number): Promise<AccountRecord | undefined> {
    const generation = this.generation;
    const at = now();
    const record = await read();
    if (generation === this.generation && this.trusted()) this.entry = { generation, at, record };
    return record;
  }
}

export class PostgresAccountRepository implements AccountRepository {
  /**
   * `cache`: the instance's account cache. Read through only by the repository outside a unit (`useCache`); a
   * unit's repository reads its own transaction's row, and forgets the cached one when it writes.
   */
  constructor(
    private readonly sql: Sql,
    private readonly cache?: AccountCache,
    private readonly useCache = false,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<AccountRecord | undefined> {
    if (this.cache && this.useCache) {
      const hit = this.cache.current(this.now());
      if (hit) return hit.record && { ...hit.record };
      const record = await this.cache.readThrough(() => this.read(), this.now);
      return record && { ...record };
    }
    return this.read();
  }

  private async read(): Promise<AccountRecord | undefined> {
    const row = await this.sql.row<AccountRow>('SELECT * FROM account WHERE id = 1');
    return row && toAccountRecord(row);
  }

  async create(account: AccountRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO account (id, account_id, root_email, root_password_hash, root_password_last_used, root_mfa_serial, password_policy, create_date)
       VALUES (1, $1, $2, $3, $4, $5, $6, $7)`,
      [
        account.accountId,
        account.rootEmail,
        account.rootPasswordHash ?? null,
        account.rootPasswordLastUsed ?? null,
        account.rootMfaSerial ?? null,
        account.passwordPolicy ?? null,
        account.createDate,
      ],
    );
    this.wrote();
  }

  /**
   * After a write: outside a unit it has committed, so forgetting now discards any reading that began before it; a
   * unit's is forgotten now and again when the unit ends (readings in between saw the row before its commit).
   */
  private wrote(): void {
    if (this.useCache) this.cache?.forget();
    else this.cache?.written(this.sql);
  }

  async update(changes: Partial<Omit<AccountRecord, 'accountId' | 'createDate'>>): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [field, value] of Object.entries(changes)) {
      const column = ACCOUNT_COLUMNS[field];
      if (!column) continue;
      values.push(value ?? null);
      sets.push(`${column} = $${values.length}`);
    }
    if (sets.length === 0) return;
    await this.sql.run(`UPDATE account SET ${sets.join(', ')} WHERE id = 1`, values);
    this.wrote();
  }

  async listAliases(): Promise<string[]> {
    return (await this.sql.rows<{ alias: string }>('SELECT alias FROM account_aliases ORDER BY alias')).map((r) => r.alias);
  }

  async addAlias(alias: string): Promise<void> {
    await this.sql.run('INSERT INTO account_aliases (alias) VALUES ($1)', [alias]);
  }

  async removeAlias(alias: string): Promise<void> {
    await this.sql.run('DELETE FROM account_aliases WHERE alias = $1', [alias]);
  }
}
