// ListOpenIDConnectProviderTags: an OIDC provider's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireOidcProvider } from './require-oidc-provider';

export const listOpenIDConnectProviderTags: IamOperation<'ListOpenIDConnectProviderTags'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  const positioned = (await ctx.store.tags.list('oidc-provider', provider.arn)).map((tag, index) => ({
    tag,
    key: String(index).padStart(6, '0'),
  }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
