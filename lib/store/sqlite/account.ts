// SQLite implementation of the account repository.
import type { SqliteDatabase } from './database';
import type { AccountRecord, AccountRepository } from '../account';
import { ACCOUNT_COLUMNS, toAccountRecord, type AccountRow } from '../rows/account';

export class SqliteAccountRepository implements AccountRepository {
  private cached: AccountRecord | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  async get(): Promise<AccountRecord | undefined> {
    if (this.cached) return this.cached;
    const row = this.db.prepare<[], AccountRow>('SELECT * FROM account WHERE id = 1').get();
    if (!row) return undefined;
    this.cached = toAccountRecord(row);
    return this.cached;
  }

  async create(account: AccountRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO account (id, account_id, root_email, root_password_hash, root_password_last_used, root_mfa_serial, password_policy, create_date)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        account.accountId,
        account.rootEmail,
        account.rootPasswordHash ?? null,
        account.rootPasswordLastUsed ?? null,
        account.rootMfaSerial ?? null,
        account.passwordPolicy ?? null,
        account.createDate,
      );
    this.cached = undefined;
  }

  async update(changes: Partial<Omit<AccountRecord, 'accountId' | 'createDate'>>): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [field, value] of Object.entries(changes)) {
      const column = ACCOUNT_COLUMNS[field];
      if (!column) continue;
      sets.push(`${column} = ?`);
      values.push(value ?? null);
    }
    if (sets.length === 0) return;
    this.db.prepare(`UPDATE account SET ${sets.join(', ')} WHERE id = 1`).run(...values);
    this.cached = undefined;
  }

  /** Forgets the cached row (after a rollback or a wipe). */
  invalidate(): void {
    this.cached = undefined;
  }

  async listAliases(): Promise<string[]> {
    return this.db
      .prepare<[], { alias: string }>('SELECT alias FROM account_aliases ORDER BY alias')
      .all()
      .map((r) => r.alias);
  }

  async addAlias(alias: string): Promise<void> {
    this.db.prepare('INSERT INTO account_aliases (alias) VALUES (?)').run(alias);
  }

  async removeAlias(alias: string): Promise<void> {
    this.db.prepare('DELETE FROM account_aliases WHERE alias = ?').run(alias);
  }
}
