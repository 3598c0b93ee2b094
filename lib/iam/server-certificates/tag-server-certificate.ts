// Tag/Untag/ListServerCertificateTags: the tags of a server certificate (50 at most, keys ignoring case).
import type {
  ListServerCertificateTagsRequest,
  TagServerCertificateRequest,
  UntagServerCertificateRequest,
} from '@aws-sdk/client-iam';
import type { Operation } from '../context';
import { paginateArray } from '../pagination';
import { validateTags } from '../validation';
import { requireServerCertificate } from './server-certificate-view';

export const tagServerCertificate: Operation<TagServerCertificateRequest> = (ctx, input) => {
  const certificate = requireServerCertificate(ctx.store, input.ServerCertificateName!);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value ?? '' }));
  validateTags(tags, ctx.store.tags.list('server-certificate', certificate.serverCertificateId).map((t) => t.Key));
  ctx.store.tags.put('server-certificate', certificate.serverCertificateId, tags);
  return {};
};

export const untagServerCertificate: Operation<UntagServerCertificateRequest> = (ctx, input) => {
  const certificate = requireServerCertificate(ctx.store, input.ServerCertificateName!);
  ctx.store.tags.remove('server-certificate', certificate.serverCertificateId, input.TagKeys ?? []);
  return {};
};

export const listServerCertificateTags: Operation<ListServerCertificateTagsRequest> = (ctx, input) => {
  const certificate = requireServerCertificate(ctx.store, input.ServerCertificateName!);
  const positioned = ctx.store.tags
    .list('server-certificate', certificate.serverCertificateId)
    .map((tag, index) => ({ tag, key: String(index).padStart(6, '0') }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
