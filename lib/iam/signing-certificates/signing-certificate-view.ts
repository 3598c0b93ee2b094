// The stored form of a signing certificate, AWS's response shape and lookups with AWS's errors.
import { NoSuchEntity, ValidationError } from '../../core/errors';
import type { UserCredentialRecord } from '../../store/types';
import type { OperationContext } from '../../core/context';
import { resolveKeyOwner } from '../access-keys/key-owner';

export interface SigningCertificateData {
  body: string;
  fingerprint: string;
}

export type SigningCertificateRecord = UserCredentialRecord<SigningCertificateData>;

/** AWS's quota of signing certificates per user. */
export const SIGNING_CERTIFICATES_PER_USER = 2;

/** The user whose certificates the call acts on (named, else the calling user); root's are not kept here. */
export async function certificateOwner(ctx: OperationContext, userName: string | undefined): Promise<{ userId: string; userName: string }> {
  const owner = await resolveKeyOwner(ctx, userName);
  if (owner.userId === undefined) throw new ValidationError('Must specify userName when calling with non-User credentials');
  return { userId: owner.userId, userName: owner.userName! };
}

/** The owner's certificate with this id, or NoSuchEntity. */
export async function requireSigningCertificate(
  ctx: OperationContext,
  userId: string,
  certificateId: string,
): Promise<SigningCertificateRecord> {
  const certificate = await ctx.store.userCredentials.get<SigningCertificateData>('signing-certificate', certificateId);
  if (!certificate || certificate.userId !== userId) throw new NoSuchEntity(`The Certificate with id ${certificateId} cannot be found.`);
  return certificate;
}

/** AWS's `SigningCertificate` shape. */
export function signingCertificateView(userName: string, certificate: SigningCertificateRecord) {
  return {
    UserName: userName,
    CertificateId: certificate.credentialId,
    CertificateBody: certificate.data.body,
    Status: certificate.status,
    UploadDate: certificate.createDate,
  };
}
