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
  get(): AccountRecord | undefined;
  create(account: AccountRecord): void;
  update(changes: Partial<Omit<AccountRecord, 'accountId' | 'createDate'>>): void;
  listAliases(): string[];
  addAlias(alias: string): void;
  removeAlias(alias: string): void;
}
