// ListServerCertificateTags: a server certificate's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireServerCertificate } from './server-certificate-view';

export const listServerCertificateTags: IamOperation<'ListServerCertificateTags'> = async (ctx, input) => {
  const certificate = await requireServerCertificate(ctx.store, input.ServerCertificateName);
  const positioned = (await ctx.store.tags.list('server-certificate', certificate.serverCertificateId)).map((tag, index) => ({
    tag,
    key: String(index).padStart(6, '0'),
  }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
