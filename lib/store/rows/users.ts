// The row of `users` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns alike),
// its mapping to the record the repository returns, and the columns an update changes.
import type { UserRecord } from '../users';
import type { ColumnSpec } from './columns';

export interface UserRow {
  user_id: string;
  user_name: string;
  name_key: string;
  path: string;
  create_date: string;
  permissions_boundary_arn: string | null;
  password_last_used: string | null;
}

/** The column of each field `UserRepository.update` changes (`nameKey` follows a new name). */
export const USER_COLUMNS = {
  userName: { column: 'user_name' },
  nameKey: { column: 'name_key' },
  path: { column: 'path' },
  permissionsBoundaryArn: { column: 'permissions_boundary_arn', clearable: true },
  passwordLastUsed: { column: 'password_last_used' },
} satisfies Record<string, ColumnSpec>;

export function toUserRecord(row: UserRow): UserRecord {
  const user: UserRecord = { userId: row.user_id, userName: row.user_name, path: row.path, createDate: row.create_date };
  if (row.permissions_boundary_arn) user.permissionsBoundaryArn = row.permissions_boundary_arn;
  if (row.password_last_used) user.passwordLastUsed = row.password_last_used;
  return user;
}
