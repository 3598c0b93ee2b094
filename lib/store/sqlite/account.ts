// SQLite implementation of the account repository.
import type { SqliteDatabase } from './database';
import type { AccountRecord, AccountRepository } from '../account';

interface AccountRow {
  account_id: string;
  root_email: string;
  root_password_hash: string | null;
  root_password_last_used: string | null;
  root_mfa_serial: string | null;
  password_policy: string | null;
  create_date: string;
}

const COLUMNS: Record<string, string> = {
  rootEmail: 'root_email',
  rootPasswordHash: 'root_password_hash',
  rootPasswordLastUsed: 'root_password_last_used',
  rootMfaSerial: 'root_mfa_serial',
  passwordPolicy: 'password_policy',
};

export class SqliteAccountRepository implements AccountRepository {
  private cached: AccountRecord | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  async get(): Promise<AccountRecord | undefined> {
    if (this.cached) return this.cached;
    const row = this.db.prepare<[], AccountRow>('SELECT * FROM account WHERE id = 1').get();
    if (!row) return undefined;
    this.cached = {
      accountId: row.account_id,
      rootEmail: row.root_email,
      rootPasswordHash: row.root_password_hash ?? undefined,
      rootPasswordLastUsed: row.root_password_last_used ?? undefined,
      rootMfaSerial: row.root_mfa_serial ?? undefined,
      passwordPolicy: row.password_policy ?? undefined,
      createDate: row.create_date,
    };
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
      const column = COLUMNS[field];
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
