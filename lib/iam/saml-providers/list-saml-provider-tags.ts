// ListSAMLProviderTags: a SAML provider's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireSamlProvider } from './require-saml-provider';

export const listSAMLProviderTags: IamOperation<'ListSAMLProviderTags'> = async (ctx, input) => {
  const provider = await requireSamlProvider(ctx.store, input.SAMLProviderArn);
  const positioned = (await ctx.store.tags.list('saml-provider', provider.arn)).map((tag, index) => ({
    tag,
    key: String(index).padStart(6, '0'),
  }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
