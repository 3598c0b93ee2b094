// DeleteServerCertificate: removes a server certificate, its sealed private key and its tags.
import type { IamOperation } from '../../core/context';
import { requireServerCertificate } from './server-certificate-view';

export const deleteServerCertificate: IamOperation<'DeleteServerCertificate'> = async (ctx, input) => {
  const certificate = requireServerCertificate(ctx.store, input.ServerCertificateName);
  ctx.store.tags.removeAll('server-certificate', certificate.serverCertificateId);
  ctx.store.serverCertificates.delete(certificate.serverCertificateId);
  return {};
};
