// ListServerCertificates: the account's server certificates under a path prefix, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { serverCertificateMetadata } from './server-certificate-view';

export const listServerCertificates: IamOperation<'ListServerCertificates'> = async (ctx, input) => {
  const prefix = input.PathPrefix ?? '/';
  const certificates = (await ctx.store.serverCertificates.list()).filter((c) => c.path.startsWith(prefix));
  const page = paginateArray(certificates, (c) => `${c.path}|${c.name.toLowerCase()}`, input.Marker, input.MaxItems);
  return {
    ServerCertificateMetadataList: page.items.map((c) => serverCertificateMetadata(ctx.principal.accountId, c)),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
