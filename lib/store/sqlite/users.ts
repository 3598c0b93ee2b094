// SQLite implementation of the users repository.
import type { SqliteDatabase } from './database';
import { NamedEntityTable } from './named-entity-table';
import type { UserRecord, UserRepository } from '../users';
import type { Tag } from '../tags';
import { USER_COLUMNS, toUserRecord, type UserRow } from '../rows/users';

/** A row of `byNameWithTags` in raw mode: the user's columns, then one tag's key, value and position (NULL when it has none). */
type UserTagRow = [string, string, string, string, string | null, string | null, string | null, string | null, number | null];

/** A user with its tags as GetUser reads them; frozen while cached (callers read it, never change it). */
type UserWithTags = { user: UserRecord; tags: Tag[] };

/**
 * How many users GetUser's row cache keeps (then it starts again empty): 5,000 is IAM's quota of users per account. At
 * some 200-300 bytes a user, at most ~1.5 MB.
 */
export const USER_ROW_CACHE_ENTRIES = 5000;

/** The tags of every user who has none: one frozen array, not one per cached user. */
const NO_TAGS: Tag[] = Object.freeze([]) as unknown as Tag[];

export class SqliteUserRepository extends NamedEntityTable<UserRow, UserRecord, keyof typeof USER_COLUMNS> implements UserRepository {
  private readonly insertStatement;
  private readonly byNameWithTags;
  /**
   * GetUser's reads by name key, kept until the next write of users or of a user's tags on this connection, or a
   * rollback, or a wipe (`forget`): SQLite serves one process per data directory (instance-lock.ts), and every
   * such write goes through this repository or SqliteTagRepository, which tells it. A read on the bench machine
   * costs ~3 µs alone and some 20 µs of the server's main thread under load (measured by taking it out); bench/ab.ts
   * with and without this cache, GetUser c16: 115 → 98 µs of main thread a request.
   */
  private readonly cache = new Map<string, UserWithTags>();

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

  async getByNameWithTags(userName: string): Promise<UserWithTags | undefined> {
    const key = userName.toLowerCase();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found = this.read(key);
    // Only users that exist are kept: creating one (a name nobody holds) cannot make an entry stale.
    if (found === undefined) return undefined;
    if (this.cache.size >= USER_ROW_CACHE_ENTRIES) this.cache.clear();
    Object.freeze(found.user);
    for (const tag of found.tags) Object.freeze(tag);
    Object.freeze(found.tags);
    this.cache.set(key, Object.freeze(found));
    return found;
  }

  /** Forgets GetUser's cached reads: after any write of users or of a user's tags, a rollback, a wipe. */
  forget(): void {
    this.cache.clear();
  }

  protected override written(): void {
    this.forget();
  }

  private read(nameKey: string): UserWithTags | undefined {
    const rows = this.byNameWithTags.all(nameKey) as unknown as UserTagRow[];
    if (rows.length === 0) return undefined;
    const [userId, name, path, createDate, boundary, passwordLastUsed] = rows[0];
    const user: UserRecord = { userId, userName: name, path, createDate };
    if (boundary) user.permissionsBoundaryArn = boundary;
    if (passwordLastUsed) user.passwordLastUsed = passwordLastUsed;
    // No tag: one row of NULLs. Tags: in the order they were added (sorted here, not by SQLite, which would build a
    // temporary B-tree for every GetUser, tags or not).
    if (rows[0][6] === null) return { user, tags: NO_TAGS };
    return { user, tags: rows.sort((a, b) => a[8]! - b[8]!).map((row) => ({ Key: row[6]!, Value: row[7]! })) };
  }
}
