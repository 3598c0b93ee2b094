// SQLite implementation of the users repository.
import type { SqliteDatabase } from './database';
import { PathListing } from './path-listing';
import { ColumnUpdater } from './column-update';
import type { Page, UserRecord, UserRepository } from '../users';
import { countedRowsSql } from '../entity-counts';

interface UserRow {
  user_id: string;
  user_name: string;
  name_key: string;
  path: string;
  create_date: string;
  permissions_boundary_arn: string | null;
  password_last_used: string | null;
}

function toRecord(row: UserRow): UserRecord {
  const user: UserRecord = { userId: row.user_id, userName: row.user_name, path: row.path, createDate: row.create_date };
  if (row.permissions_boundary_arn) user.permissionsBoundaryArn = row.permissions_boundary_arn;
  if (row.password_last_used) user.passwordLastUsed = row.password_last_used;
  return user;
}

export class SqliteUserRepository implements UserRepository {
  private readonly insertStatement;
  private readonly byName;
  private readonly byId;
  private readonly listing;
  private readonly updater;
  private readonly countStatement;
  private readonly deleteStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO users (user_id, user_name, name_key, path, create_date, permissions_boundary_arn, password_last_used)
       VALUES (@userId, @userName, @nameKey, @path, @createDate, @permissionsBoundaryArn, @passwordLastUsed)`,
    );
    this.byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE name_key = ?');
    this.byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_id = ?');
    this.listing = new PathListing(db, 'users', toRecord);
    this.updater = new ColumnUpdater(db, 'users', 'user_id', {
      userName: { column: 'user_name' },
      nameKey: { column: 'name_key' },
      path: { column: 'path' },
      permissionsBoundaryArn: { column: 'permissions_boundary_arn', clearable: true },
      passwordLastUsed: { column: 'password_last_used' },
    });
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql('users'));
    this.deleteStatement = db.prepare('DELETE FROM users WHERE user_id = ?');
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

  async getByName(userName: string): Promise<UserRecord | undefined> {
    const row = this.byName.get(userName.toLowerCase());
    return row && toRecord(row);
  }

  async getById(userId: string): Promise<UserRecord | undefined> {
    const row = this.byId.get(userId);
    return row && toRecord(row);
  }

  async list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<UserRecord>> {
    return this.listing.list(options);
  }

  async update(
    userId: string,
    changes: Partial<Pick<UserRecord, 'userName' | 'path' | 'permissionsBoundaryArn' | 'passwordLastUsed'>>,
  ): Promise<void> {
    const { userName, ...rest } = changes;
    this.updater.update(userId, userName === undefined ? rest : { ...rest, userName, nameKey: userName.toLowerCase() });
  }

  async delete(userId: string): Promise<void> {
    this.deleteStatement.run(userId);
  }

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }
}
