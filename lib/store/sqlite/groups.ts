// SQLite implementation of the groups repository: groups (unique by name ignoring case) and their members.
import type { SqliteDatabase } from './database';
import { NamedEntityTable } from './named-entity-table';
import type { GroupRecord, GroupRepository } from '../groups';
import { GROUP_COLUMNS, toGroupRecord, type GroupRow } from '../rows/groups';

export class SqliteGroupRepository extends NamedEntityTable<GroupRow, GroupRecord, keyof typeof GROUP_COLUMNS> implements GroupRepository {
  private readonly insertStatement;
  private readonly addMemberStatement;
  private readonly removeMemberStatement;
  private readonly membersStatement;
  private readonly countMembersStatement;
  private readonly forUserStatement;
  private readonly countForUserStatement;
  private readonly isMemberStatement;

  constructor(db: SqliteDatabase) {
    super(db, { table: 'groups', idColumn: 'group_id', columns: GROUP_COLUMNS, toItem: toGroupRecord, nameField: 'groupName' });
    this.insertStatement = db.prepare(
      `INSERT INTO groups (group_id, group_name, name_key, path, create_date) VALUES (@groupId, @groupName, @nameKey, @path, @createDate)`,
    );
    this.addMemberStatement = db.prepare(
      'INSERT INTO group_members (group_id, user_id, added_date) VALUES (?, ?, ?) ON CONFLICT (group_id, user_id) DO NOTHING',
    );
    this.removeMemberStatement = db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?');
    this.membersStatement = db.prepare<[string, string, number], { user_id: string; name_key: string }>(
      `SELECT u.user_id, u.name_key FROM group_members m JOIN users u ON u.user_id = m.user_id
       WHERE m.group_id = ? AND u.name_key > ? ORDER BY u.name_key LIMIT ?`,
    );
    this.countMembersStatement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM group_members WHERE group_id = ?');
    this.forUserStatement = db.prepare<[string], GroupRow>(
      `SELECT g.* FROM group_members m JOIN groups g ON g.group_id = m.group_id WHERE m.user_id = ? ORDER BY g.name_key`,
    );
    this.countForUserStatement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM group_members WHERE user_id = ?');
    this.isMemberStatement = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM group_members WHERE group_id = ? AND user_id = ?',
    );
  }

  async insert(group: GroupRecord): Promise<void> {
    this.insertStatement.run({
      groupId: group.groupId,
      groupName: group.groupName,
      nameKey: group.groupName.toLowerCase(),
      path: group.path,
      createDate: group.createDate,
    });
  }

  async addMember(groupId: string, userId: string, date: string): Promise<void> {
    this.addMemberStatement.run(groupId, userId, date);
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    this.removeMemberStatement.run(groupId, userId);
  }

  async listMembers(groupId: string, options: { after?: string; limit: number }): Promise<{ userIds: string[]; next?: string }> {
    const rows = this.membersStatement.all(groupId, options.after ?? '', options.limit + 1);
    const more = rows.length > options.limit;
    const page = more ? rows.slice(0, options.limit) : rows;
    return { userIds: page.map((row) => row.user_id), next: more ? page[page.length - 1].name_key : undefined };
  }

  async countMembers(groupId: string): Promise<number> {
    return this.countMembersStatement.get(groupId)!.n;
  }

  async listForUser(userId: string): Promise<GroupRecord[]> {
    return this.forUserStatement.all(userId).map(toGroupRecord);
  }

  async countForUser(userId: string): Promise<number> {
    return this.countForUserStatement.get(userId)!.n;
  }

  async isMember(groupId: string, userId: string): Promise<boolean> {
    return this.isMemberStatement.get(groupId, userId) !== undefined;
  }
}
