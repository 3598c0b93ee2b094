// Server certificates: lookups with AWS's errors and the `ServerCertificateMetadata` shape.
import { NoSuchEntity } from '../../core/errors';
import type { ServerCertificateRecord, Store } from '../../store/types';

/** AWS's default quota of server certificates per account. */
export const SERVER_CERTIFICATES_PER_ACCOUNT = 20;

/** The certificate with this name (ignoring case), or NoSuchEntity. */
export async function requireServerCertificate(store: Store, name: string): Promise<ServerCertificateRecord> {
  const certificate = await store.serverCertificates.getByName(name);
  if (!certificate) throw new NoSuchEntity(`The Server Certificate with name ${name} cannot be found.`);
  return certificate;
}

/** The certificate's ARN (with its path). */
export function serverCertificateArn(accountId: string, certificate: { path: string; name: string }): string {
  return `arn:aws:iam::${accountId}:server-certificate${certificate.path}${certificate.name}`;
}

/** AWS's `ServerCertificateMetadata` shape. */
export function serverCertificateMetadata(accountId: string, certificate: ServerCertificateRecord) {
  return {
    Path: certificate.path,
    ServerCertificateName: certificate.name,
    ServerCertificateId: certificate.serverCertificateId,
    Arn: serverCertificateArn(accountId, certificate),
    UploadDate: certificate.uploadDate,
    Expiration: certificate.expiration,
  };
}
