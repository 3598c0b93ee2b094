// The account part of the Store interface: the one account of a Gatehouse data directory and its root user.

export interface AccountRecord {
  accountId: string;
  rootEmail: string;
  rootPasswordHash?: string;
  rootPasswordLastUsed?: string;
  rootMfaSerial?: string;
  /** The account password policy as AWS's `PasswordPolicy` JSON, when one is set. */
  passwordPolicy?: string;
  createDate: string;
}

export interface AccountRepository {
  get(): Promise<AccountRecord | undefined>;
  create(account: AccountRecord): Promise<void>;
  update(changes: Partial<Omit<AccountRecord, 'accountId' | 'createDate'>>): Promise<void>;
  listAliases(): Promise<string[]>;
  addAlias(alias: string): Promise<void>;
  removeAlias(alias: string): Promise<void>;
}
