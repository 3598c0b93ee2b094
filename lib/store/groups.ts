// The groups part of the Store interface: groups and their members.

export interface GroupRecord {
  groupId: string;
  groupName: string;
  path: string;
  createDate: string;
}

export interface GroupRepository {
  insert(group: GroupRecord): Promise<void>;
  getByName(groupName: string): Promise<GroupRecord | undefined>;
  getById(groupId: string): Promise<GroupRecord | undefined>;
  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<{ items: GroupRecord[]; next?: string }>;
  update(groupId: string, changes: Partial<Pick<GroupRecord, 'groupName' | 'path'>>): Promise<void>;
  delete(groupId: string): Promise<void>;
  count(): Promise<number>;
  addMember(groupId: string, userId: string, date: string): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<void>;
  /** Member user ids of a group, by user name, after a user name key. */
  listMembers(groupId: string, options: { after?: string; limit: number }): Promise<{ userIds: string[]; next?: string }>;
  countMembers(groupId: string): Promise<number>;
  /** Groups a user belongs to, by group name. */
  listForUser(userId: string): Promise<GroupRecord[]>;
  /** Number of groups a user belongs to (the GroupsPerUser quota). */
  countForUser(userId: string): Promise<number>;
  isMember(groupId: string, userId: string): Promise<boolean>;
}
