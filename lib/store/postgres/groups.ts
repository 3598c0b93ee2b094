// PostgreSQL implementation of the groups repository: groups (unique by name ignoring case) and their members.
import type { GroupRecord, GroupRepository } from '../groups';
import type { Page } from '../users';
import { count, type Sql } from './sql';
import { listByPath } from './path-listing';
import { updateColumns } from './column-update';
import { countedRowsSql } from '../entity-counts';
import { GROUP_COLUMNS, toGroupRecord, type GroupRow } from '../rows/groups';

export class PostgresGroupRepository implements GroupRepository {
  constructor(private readonly sql: Sql) {}

  async insert(group: GroupRecord): Promise<void> {
    await this.sql.run('INSERT INTO groups (group_id, group_name, name_key, path, create_date) VALUES ($1, $2, $3, $4, $5)', [
      group.groupId,
      group.groupName,
      group.groupName.toLowerCase(),
      group.path,
      group.createDate,
    ]);
  }

  async getByName(groupName: string): Promise<GroupRecord | undefined> {
    const row = await this.sql.row<GroupRow>('SELECT * FROM groups WHERE name_key = $1', [groupName.toLowerCase()]);
    return row && toGroupRecord(row);
  }

  async getById(groupId: string): Promise<GroupRecord | undefined> {
    const row = await this.sql.row<GroupRow>('SELECT * FROM groups WHERE group_id = $1', [groupId]);
    return row && toGroupRecord(row);
  }

  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<GroupRecord>> {
    return listByPath(this.sql, 'groups', toGroupRecord, options);
  }

  async update(groupId: string, changes: Partial<Pick<GroupRecord, 'groupName' | 'path'>>): Promise<void> {
    const { groupName, ...rest } = changes;
    await updateColumns(
      this.sql,
      'groups',
      'group_id',
      GROUP_COLUMNS,
      groupId,
      groupName === undefined ? rest : { ...rest, groupName, nameKey: groupName.toLowerCase() },
    );
  }

  async delete(groupId: string): Promise<void> {
    await this.sql.run('DELETE FROM groups WHERE group_id = $1', [groupId]);
  }

  count(): Promise<number> {
    return count(this.sql, countedRowsSql('groups'));
  }

  async addMember(groupId: string, userId: string, date: string): Promise<void> {
    await this.sql.run(
      'INSERT INTO group_members (group_id, user_id, added_date) VALUES ($1, $2, $3) ON CONFLICT (group_id, user_id) DO NOTHING',
      [groupId, userId, date],
    );
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.sql.run('DELETE FROM group_members WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
  }

  async listMembers(groupId: string, options: { after?: string; limit: number }): Promise<{ userIds: string[]; next?: string }> {
    const rows = await this.sql.rows<{ user_id: string; name_key: string }>(
      `SELECT u.user_id, u.name_key FROM group_members m JOIN users u ON u.user_id = m.user_id
       WHERE m.group_id = $1 AND u.name_key > $2 ORDER BY u.name_key LIMIT $3`,
      [groupId, options.after ?? '', options.limit + 1],
    );
    const more = rows.length > options.limit;
    const page = more ? rows.slice(0, options.limit) : rows;
    return { userIds: page.map((row) => row.user_id), next: more ? page[page.length - 1].name_key : undefined };
  }

  countMembers(groupId: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM group_members WHERE group_id = $1', [groupId]);
  }

  async listForUser(userId: string): Promise<GroupRecord[]> {
    const rows = await this.sql.rows<GroupRow>(
      'SELECT g.* FROM group_members m JOIN groups g ON g.group_id = m.group_id WHERE m.user_id = $1 ORDER BY g.name_key',
      [userId],
    );
    return rows.map(toGroupRecord);
  }

  countForUser(userId: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM group_members WHERE user_id = $1', [userId]);
  }

  async isMember(groupId: string, userId: string): Promise<boolean> {
    return (await this.sql.row('SELECT 1 AS one FROM group_members WHERE group_id = $1 AND user_id = $2', [groupId, userId])) !== undefined;
  }
}
