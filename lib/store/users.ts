// The users part of the Store interface: what user operations need, independent of the database.
import type { Tag } from './tags';

/** A stored IAM user. Dates are ISO 8601 strings. */
export interface UserRecord {
  userId: string;
  userName: string;
  path: string;
  createDate: string;
  permissionsBoundaryArn?: string;
  passwordLastUsed?: string;
}

/** One page of a keyset-paginated listing: `next` is the sort key to continue after, if any. */
export interface Page<T> {
  items: T[];
  next?: string;
}

export interface UserRepository {
  insert(user: UserRecord): Promise<void>;
  /** Case-insensitive lookup by name. */
  getByName(userName: string): Promise<UserRecord | undefined>;
  getById(userId: string): Promise<UserRecord | undefined>;
  /**
   * A user by name (case-insensitive) with its tags in their order, read in one statement (GetUser's read: SQLite
   * pays two file-lock system calls per statement, PostgreSQL a round trip).
   */
  getByNameWithTags(userName: string): Promise<{ user: UserRecord; tags: Tag[] } | undefined>;
  /** Users whose path starts with `pathPrefix`, ordered by name ignoring case, after `after` (a name key). */
  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<UserRecord>>;
  update(
    userId: string,
    changes: Partial<Pick<UserRecord, 'userName' | 'path' | 'permissionsBoundaryArn' | 'passwordLastUsed'>>,
  ): Promise<void>;
  delete(userId: string): Promise<void>;
  count(): Promise<number>;
}
