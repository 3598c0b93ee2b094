// PostgreSQL implementation of the account repository. Unlike SQLite's, it keeps no cached row: another instance
// may change the account (password policy, root password) at any time.
import type { AccountRecord, AccountRepository } from '../account';
import type { Sql } from './sql';
import { ACCOUNT_COLUMNS, toAccountRecord, type AccountRow } from '../rows/account';

export class PostgresAccountRepository implements AccountRepository {
  constructor(private readonly sql: Sql) {}

  async get(): Promise<AccountRecord | undefined> {
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
