// DeleteSigningCertificate: removes a signing certificate of a user (or of the caller).
import type { IamOperation } from '../../core/context';
import { certificateOwner, requireSigningCertificate } from './signing-certificate-view';

export const deleteSigningCertificate: IamOperation<'DeleteSigningCertificate'> = async (ctx, input) => {
  const owner = await certificateOwner(ctx, input.UserName);
  const certificate = await requireSigningCertificate(ctx, owner.userId, input.CertificateId);
  await ctx.store.userCredentials.delete('signing-certificate', certificate.credentialId);
  return {};
};
