// SQLite implementation of the users repository.
import type { SqliteDatabase } from './database';
import { NamedEntityTable } from './named-entity-table';
import type { UserRecord, UserRepository } from '../users';
import type { Tag } from '../tags';
import { USER_COLUMNS, toUserRecord, type UserRow } from '../rows/users';

/** A row of `byNameWithTags` in raw mode: the user's columns, then one tag's key, value and position (NULL when it has none). */
type UserTagRow = [string, string, string, string, string | null, string | null, string | null, string | null, number | null];

export class SqliteUserRepository extends NamedEntityTable<UserRow, UserRecord, keyof typeof USER_COLUMNS> implements UserRepository {
  private readonly insertStatement;
  private readonly byNameWithTags;

  constructor(db: SqliteDatabase) {
    super(db, { table: 'users', idColumn: 'user_id', columns: USER_COLUMNS, toItem: toUserRecord, nameField: 'userName' });
    this.insertStatement = db.prepare(
      `INSERT INTO users (user_id, user_name, name_key, path, create_date, permissions_boundary_arn, password_last_used)
       VALUES (@userId, @userName, @nameKey, @path, @createDate, @permissionsBoundaryArn, @passwordLastUsed)`,
    );
    // One row per tag (one with NULL tag columns when there is none); raw rows, no object per row.
    this.byNameWithTags = db
      .prepare<[string], UserTagRow>(
        `SELECT u.user_id, u.user_name, u.path, u.create_date, u.permissions_boundary_arn, u.password_last_used, t.tag_key, t.tag_value, t.position
         FROM users u LEFT JOIN tags t ON t.entity_kind = 'user' AND t.entity_id = u.user_id
         WHERE u.name_key = ?`,
      )
      .raw();
  }

  async insert(user: UserRecord): Promise<void> {
    this.insertStatement.run({
      userId: user.userId,
      userName: user.userName,
      nameKey: user.userName.toLowerCase(),
      path: user.path,
      createDate: user.createDate,
      permissionsBoundaryArn: user.permissionsBoundaryArn ?? null,
      passwordLastUsed: user.passwordLastUsed ?? null,
    });
  }

  async getByNameWithTags(userName: string): Promise<{ user: UserRecord; tags: Tag[] } | undefined> {
    const rows = this.byNameWithTags.all(userName.toLowerCase()) as unknown as UserTagRow[];
    if (rows.length === 0) return undefined;
    const [userId, name, path, createDate, boundary, passwordLastUsed] = rows[0];
    const user: UserRecord = { userId, userName: name, path, createDate };
    if (boundary) user.permissionsBoundaryArn = boundary;
    if (passwordLastUsed) user.passwordLastUsed = passwordLastUsed;
    // No tag: one row of NULLs. Tags: in the order they were added (sorted here, not by SQLite, which would build a
    // temporary B-tree for every GetUser, tags or not).
    if (rows[0][6] === null) return { user, tags: [] };
    return { user, tags: rows.sort((a, b) => a[8]! - b[8]!).map((row) => ({ Key: row[6]!, Value: row[7]! })) };
  }
}
