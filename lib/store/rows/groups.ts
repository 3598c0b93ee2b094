// The row of `groups` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its columns alike),
// its mapping to the record the repository returns, and the columns an update changes.
import type { GroupRecord } from '../groups';
import type { ColumnSpec } from './columns';

export interface GroupRow {
  group_id: string;
  group_name: string;
  name_key: string;
  path: string;
  create_date: string;
}

/** The column of each field `GroupRepository.update` changes (`nameKey` follows a new name). */
export const GROUP_COLUMNS = {
  groupName: { column: 'group_name' },
  nameKey: { column: 'name_key' },
  path: { column: 'path' },
} satisfies Record<string, ColumnSpec>;

export function toGroupRecord(row: GroupRow): GroupRecord {
  return { groupId: row.group_id, groupName: row.group_name, path: row.path, createDate: row.create_date };
}
