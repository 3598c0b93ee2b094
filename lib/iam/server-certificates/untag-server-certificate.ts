// UntagServerCertificate: removes tags of a server certificate by key (ignoring case); absent keys are ignored.
import type { IamOperation } from '../../core/context';
import { requireServerCertificate } from './server-certificate-view';

export const untagServerCertificate: IamOperation<'UntagServerCertificate'> = async (ctx, input) => {
  const certificate = await requireServerCertificate(ctx.store, input.ServerCertificateName);
  await ctx.store.tags.remove('server-certificate', certificate.serverCertificateId, input.TagKeys ?? []);
  return {};
};
