// The user credential part of the Store interface: SSH public keys, signing certificates and
// service-specific credentials of IAM users, one generic record per credential with its kind's fields.

export type UserCredentialKind = 'ssh-public-key' | 'signing-certificate' | 'service-specific-credential';
export type UserCredentialStatus = 'Active' | 'Inactive' | 'Expired';

export interface UserCredentialRecord<D = Record<string, string>> {
  kind: UserCredentialKind;
  credentialId: string;
  userId: string;
  status: UserCredentialStatus;
  createDate: string;
  /** The kind's own fields (key body and fingerprint, certificate body, service name and sealed password...). */
  data: D;
}

export interface UserCredentialRepository {
  insert(record: UserCredentialRecord<object>): Promise<void>;
  get<D>(kind: UserCredentialKind, credentialId: string): Promise<UserCredentialRecord<D> | undefined>;
  /** A user's credentials of one kind, oldest first. */
  listForUser<D>(kind: UserCredentialKind, userId: string): Promise<UserCredentialRecord<D>[]>;
  /** Every credential of one kind (credential report), oldest first. */
  listAll<D>(kind: UserCredentialKind): Promise<UserCredentialRecord<D>[]>;
  setStatus(kind: UserCredentialKind, credentialId: string, status: UserCredentialStatus): Promise<void>;
  setData(kind: UserCredentialKind, credentialId: string, data: object): Promise<void>;
  delete(kind: UserCredentialKind, credentialId: string): Promise<void>;
  countForUser(kind: UserCredentialKind, userId: string): Promise<number>;
}
