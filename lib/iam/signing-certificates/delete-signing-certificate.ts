// DeleteSigningCertificate: removes a signing certificate of a user (or of the caller).
import type { DeleteSigningCertificateRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { certificateOwner, requireSigningCertificate } from './signing-certificate-view';

export const deleteSigningCertificate: Operation<DeleteSigningCertificateRequest> = (ctx, input) => {
  const owner = certificateOwner(ctx, input.UserName);
  const certificate = requireSigningCertificate(ctx, owner.userId, input.CertificateId!);
  ctx.store.userCredentials.delete('signing-certificate', certificate.credentialId);
  return {};
};
