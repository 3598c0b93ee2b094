// The stored form of an SSH public key and AWS's response shapes for it; lookups with AWS's errors.
import { NoSuchEntity } from '../../core/errors';
import type { Store, UserCredentialRecord, UserRecord } from '../../store/types';

/** Per-kind fields of an SSH key record. */
export interface SshKeyData {
  ssh: string;
  pem: string;
  fingerprint: string;
}

export type SshKeyRecord = UserCredentialRecord<SshKeyData>;

/** AWS's default quota of SSH public keys per user. */
export const SSH_KEYS_PER_USER = 5;

/** The user's key with this id, or NoSuchEntity. */
export async function requireSshKey(store: Store, user: UserRecord, keyId: string): Promise<SshKeyRecord> {
  const key = await store.userCredentials.get<SshKeyData>('ssh-public-key', keyId);
  if (!key || key.userId !== user.userId) throw new NoSuchEntity(`The Public Key with id ${keyId} cannot be found.`);
  return key;
}

/** AWS's `SSHPublicKey` shape in the requested encoding. */
export function sshPublicKeyView(user: UserRecord, key: SshKeyRecord, encoding: 'SSH' | 'PEM') {
  return {
    UserName: user.userName,
    SSHPublicKeyId: key.credentialId,
    Fingerprint: key.data.fingerprint,
    SSHPublicKeyBody: encoding === 'PEM' ? key.data.pem : key.data.ssh,
    Status: key.status,
    UploadDate: key.createDate,
  };
}
