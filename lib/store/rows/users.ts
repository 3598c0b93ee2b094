// The row of `users` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns alike)
// and its mapping to the record the repository returns.
import type { UserRecord } from '../users';

export interface UserRow {
  user_id: string;
  user_name: string;
  name_key: string;
  path: string;
  create_date: string;
  permissions_boundary_arn: string | null;
  password_last_used: string | null;
}

export function toUserRecord(row: UserRow): UserRecord {
  const user: UserRecord = { userId: row.user_id, userName: row.user_name, path: row.path, createDate: row.create_date };
  if (row.permissions_boundary_arn) user.permissionsBoundaryArn = row.permissions_boundary_arn;
  if (row.password_last_used) user.passwordLastUsed = row.password_last_used;
  return user;
}
