// Tag/Untag/ListSAMLProviderTags: the tags of a SAML provider (50 at most, keys ignoring case).
import type { ListSAMLProviderTagsRequest, TagSAMLProviderRequest, UntagSAMLProviderRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../context';
import { paginateArray } from '../pagination';
import { validateTags } from '../validation';
import { requireSamlProvider } from './require-saml-provider';

export const tagSAMLProvider: Operation<TagSAMLProviderRequest> = (ctx, input) => {
  const provider = requireSamlProvider(ctx.store, input.SAMLProviderArn!);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value ?? '' }));
  validateTags(tags, ctx.store.tags.list('saml-provider', provider.arn).map((t) => t.Key));
  ctx.store.tags.put('saml-provider', provider.arn, tags);
  return {};
};

export const untagSAMLProvider: Operation<UntagSAMLProviderRequest> = (ctx, input) => {
  const provider = requireSamlProvider(ctx.store, input.SAMLProviderArn!);
  ctx.store.tags.remove('saml-provider', provider.arn, input.TagKeys ?? []);
  return {};
};

export const listSAMLProviderTags: Operation<ListSAMLProviderTagsRequest> = (ctx, input) => {
  const provider = requireSamlProvider(ctx.store, input.SAMLProviderArn!);
  const positioned = ctx.store.tags.list('saml-provider', provider.arn).map((tag, index) => ({ tag, key: String(index).padStart(6, '0') }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
