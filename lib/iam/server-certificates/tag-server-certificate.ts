// TagServerCertificate: adds or overwrites tags of a server certificate (50 at most, keys ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireServerCertificate } from './server-certificate-view';

export const tagServerCertificate: IamOperation<'TagServerCertificate'> = async (ctx, input) => {
  const certificate = await requireServerCertificate(ctx.store, input.ServerCertificateName);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('server-certificate', certificate.serverCertificateId)).map((t) => t.Key),
  );
  await ctx.store.tags.put('server-certificate', certificate.serverCertificateId, tags);
  return {};
};
