// The server certificate part of the Store interface (certificates with their sealed private keys).

export interface ServerCertificateRecord {
  serverCertificateId: string;
  name: string;
  path: string;
  body: string;
  chain?: string;
  /** The private key sealed with the service's SecretBox. Never returned by any operation. */
  privateKeySealed: string;
  uploadDate: string;
  expiration: string;
}

export interface ServerCertificateRepository {
  insert(certificate: ServerCertificateRecord): Promise<void>;
  /** By name, ignoring case. */
  getByName(name: string): Promise<ServerCertificateRecord | undefined>;
  /** Renames and/or moves a certificate. */
  update(serverCertificateId: string, name: string, path: string): Promise<void>;
  delete(serverCertificateId: string): Promise<void>;
  /** All certificates, by path then name. */
  list(): Promise<ServerCertificateRecord[]>;
  count(): Promise<number>;
}
