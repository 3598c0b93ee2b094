// The row of `groups` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns alike)
// and its mapping to the record the repository returns.
import type { GroupRecord } from '../groups';

export interface GroupRow {
  group_id: string;
  group_name: string;
  name_key: string;
  path: string;
  create_date: string;
}

export function toGroupRecord(row: GroupRow): GroupRecord {
  return { groupId: row.group_id, groupName: row.group_name, path: row.path, createDate: row.create_date };
}
