// PostgreSQL implementation of the users repository (unique by the folded name `name_key`).
import type { Page, UserRecord, UserRepository } from '../users';
import type { Tag } from '../tags';
import { count, type Sql } from './sql';
import { listByPath } from './path-listing';
import { updateColumns } from './column-update';
import { countedRowsSql } from '../entity-counts';
import { USER_COLUMNS, toUserRecord, type UserRow } from '../rows/users';

export class PostgresUserRepository implements UserRepository {
  constructor(private readonly sql: Sql) {}

  async insert(user: UserRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO users (user_id, user_name, name_key, path, create_date, permissions_boundary_arn, password_last_used)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        user.userId,
        user.userName,
        user.userName.toLowerCase(),
        user.path,
        user.createDate,
        user.permissionsBoundaryArn ?? null,
        user.passwordLastUsed ?? null,
      ],
    );
  }

  async getByName(userName: string): Promise<UserRecord | undefined> {
    const row = await this.sql.row<UserRow>('SELECT * FROM users WHERE name_key = $1', [userName.toLowerCase()]);
    return row && toUserRecord(row);
  }

  async getByNameWithTags(userName: string): Promise<{ user: UserRecord; tags: Tag[] } | undefined> {
    const rows = await this.sql.rows<UserRow & { tag_key: string | null; tag_value: string | null }>(
      `SELECT u.*, t.tag_key, t.tag_value FROM users u
       LEFT JOIN tags t ON t.entity_kind = 'user' AND t.entity_id = u.user_id
       WHERE u.name_key = $1 ORDER BY t.position`,
      [userName.toLowerCase()],
    );
    if (rows.length === 0) return undefined;
    const tags: Tag[] = [];
    for (const row of rows) if (row.tag_key !== null) tags.push({ Key: row.tag_key, Value: row.tag_value! });
    return { user: toUserRecord(rows[0]), tags };
  }

  async getById(userId: string): Promise<UserRecord | undefined> {
    const row = await this.sql.row<UserRow>('SELECT * FROM users WHERE user_id = $1', [userId]);
    return row && toUserRecord(row);
  }

  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<UserRecord>> {
    return listByPath(this.sql, 'users', toUserRecord, options);
  }

  async update(
    userId: string,
    changes: Partial<Pick<UserRecord, 'userName' | 'path' | 'permissionsBoundaryArn' | 'passwordLastUsed'>>,
  ): Promise<void> {
    const { userName, ...rest } = changes;
    await updateColumns(
      this.sql,
      'users',
      'user_id',
      USER_COLUMNS,
      userId,
      userName === undefined ? rest : { ...rest, userName, nameKey: userName.toLowerCase() },
    );
  }

  async delete(userId: string): Promise<void> {
    await this.sql.run('DELETE FROM users WHERE user_id = $1', [userId]);
  }

  count(): Promise<number> {
    return count(this.sql, countedRowsSql('users'));
  }
}
