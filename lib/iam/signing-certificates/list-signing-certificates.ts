// ListSigningCertificates: the signing certificates of a user (or of the caller), oldest first, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { resolveKeyOwner } from '../access-keys/key-owner';
import { signingCertificateView, type SigningCertificateData } from './signing-certificate-view';

export const listSigningCertificates: IamOperation<'ListSigningCertificates'> = async (ctx, input) => {
  const owner = await resolveKeyOwner(ctx, input.UserName);
  // Gatehouse keeps no signing certificates for the root user.
  if (owner.userId === undefined) return { Certificates: [], IsTruncated: false };
  const certificates = await ctx.store.userCredentials.listForUser<SigningCertificateData>('signing-certificate', owner.userId);
  const page = paginateArray(certificates, (c) => `${c.createDate}|${c.credentialId}`, input.Marker, input.MaxItems);
  return {
    Certificates: page.items.map((c) => signingCertificateView(owner.userName!, c)),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
