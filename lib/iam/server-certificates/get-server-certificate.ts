// GetServerCertificate: the certificate, its chain, metadata and tags (never the private key).
import type { IamOperation } from '../../core/context';
import { requireServerCertificate, serverCertificateMetadata } from './server-certificate-view';

export const getServerCertificate: IamOperation<'GetServerCertificate'> = async (ctx, input) => {
  const certificate = await requireServerCertificate(ctx.store, input.ServerCertificateName);
  const tags = await ctx.store.tags.list('server-certificate', certificate.serverCertificateId);
  return {
    ServerCertificate: {
      ServerCertificateMetadata: serverCertificateMetadata(ctx.principal.accountId, certificate),
      CertificateBody: certificate.body,
      CertificateChain: certificate.chain,
      Tags: tags.length > 0 ? tags : undefined,
    },
  };
};
