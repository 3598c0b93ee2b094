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
  insert(certificate: ServerCertificateRecord): void;
  /** By name, ignoring case. */
  getByName(name: string): ServerCertificateRecord | undefined;
  /** Renames and/or moves a certificate. */
  update(serverCertificateId: string, name: string, path: string): void;
  delete(serverCertificateId: string): void;
  /** All certificates, by path then name. */
  list(): ServerCertificateRecord[];
  count(): number;
}
