// Tag/Untag/ListOpenIDConnectProviderTags: the tags of an OIDC provider (50 at most, keys ignoring case).
import type {
  ListOpenIDConnectProviderTagsRequest,
  TagOpenIDConnectProviderRequest,
  UntagOpenIDConnectProviderRequest,
} from '@aws-sdk/client-iam';
import type { Operation } from '../context';
import { paginateArray } from '../pagination';
import { validateTags } from '../validation';
import { requireOidcProvider } from './require-oidc-provider';

export const tagOpenIDConnectProvider: Operation<TagOpenIDConnectProviderRequest> = (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn!);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value ?? '' }));
  validateTags(tags, ctx.store.tags.list('oidc-provider', provider.arn).map((t) => t.Key));
  ctx.store.tags.put('oidc-provider', provider.arn, tags);
  return {};
};

export const untagOpenIDConnectProvider: Operation<UntagOpenIDConnectProviderRequest> = (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn!);
  ctx.store.tags.remove('oidc-provider', provider.arn, input.TagKeys ?? []);
  return {};
};

export const listOpenIDConnectProviderTags: Operation<ListOpenIDConnectProviderTagsRequest> = (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn!);
  const positioned = ctx.store.tags.list('oidc-provider', provider.arn).map((tag, index) => ({ tag, key: String(index).padStart(6, '0') }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
