// The groups part of the Store interface: groups and their members.

export interface GroupRecord {
  groupId: string;
  groupName: string;
  path: string;
  createDate: string;
}

export interface GroupRepository {
  insert(group: GroupRecord): void;
  getByName(groupName: string): GroupRecord | undefined;
  getById(groupId: string): GroupRecord | undefined;
  list(options: { pathPrefix?: string; after?: string; limit: number }): { items: GroupRecord[]; next?: string };
  update(groupId: string, changes: Partial<Pick<GroupRecord, 'groupName' | 'path'>>): void;
  delete(groupId: string): void;
  count(): number;
  addMember(groupId: string, userId: string, date: string): void;
  removeMember(groupId: string, userId: string): void;
  /** Member user ids of a group, by user name, after a user name key. */
  listMembers(groupId: string, options: { after?: string; limit: number }): { userIds: string[]; next?: string };
  countMembers(groupId: string): number;
  /** Groups a user belongs to, by group name. */
  listForUser(userId: string): GroupRecord[];
  /** Number of groups a user belongs to (the GroupsPerUser quota). */
  countForUser(userId: string): number;
  isMember(groupId: string, userId: string): boolean;
}
