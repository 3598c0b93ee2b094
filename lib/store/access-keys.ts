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
  insert(key: AccessKeyRecord): Promise<void>;
  get(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  /** Keys of a user (or of root when `userId` is undefined), oldest first. */
  listForUser(userId: string | undefined): Promise<AccessKeyRecord[]>;
  setStatus(accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void>;
  recordUse(accessKeyId: string, date: string, service: string, region: string): Promise<void>;
  delete(accessKeyId: string): Promise<void>;
  /** Every key of the account (credential report). */
  listAll(): Promise<AccessKeyRecord[]>;
}
