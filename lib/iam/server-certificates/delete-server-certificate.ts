// DeleteServerCertificate: removes a server certificate, its sealed private key and its tags.
import type { IamOperation } from '../../core/context';
import { requireServerCertificate } from './server-certificate-view';

export const deleteServerCertificate: IamOperation<'DeleteServerCertificate'> = async (ctx, input) => {
  const certificate = await requireServerCertificate(ctx.store, input.ServerCertificateName);
  await ctx.store.tags.removeAll('server-certificate', certificate.serverCertificateId);
  await ctx.store.serverCertificates.delete(certificate.serverCertificateId);
  return {};
};
