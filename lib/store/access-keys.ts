// The access keys part of the Store interface (long-term keys of users and of the root user).

export interface AccessKeyRecord {
  accessKeyId: string;
  /** The owning user's id; undefined for the root user's keys. */
  userId?: string;
  /** The secret, sealed with the service's SecretBox. Never logged, never returned after creation. */
  secretEncrypted: string;
  status: 'Active' | 'Inactive';
  createDate: string;
  lastUsedDate?: string;
  lastUsedService?: string;
  lastUsedRegion?: string;
}

export interface AccessKeyRepository {
  insert(key: AccessKeyRecord): void;
  get(accessKeyId: string): AccessKeyRecord | undefined;
  /** Keys of a user (or of root when `userId` is undefined), oldest first. */
  listForUser(userId: string | undefined): AccessKeyRecord[];
  setStatus(accessKeyId: string, status: 'Active' | 'Inactive'): void;
  recordUse(accessKeyId: string, date: string, service: string, region: string): void;
  delete(accessKeyId: string): void;
  /** Every key of the account (credential report). */
  listAll(): AccessKeyRecord[];
}
