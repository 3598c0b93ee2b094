// GetOpenIDConnectProvider: the provider's URL, client IDs, thumbprints, creation date and tags.
import type { IamOperation } from '../../core/context';
import { requireOidcProvider } from './require-oidc-provider';

export const getOpenIDConnectProvider: IamOperation<'GetOpenIDConnectProvider'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  const tags = await ctx.store.tags.list('oidc-provider', provider.arn);
  return {
    Url: provider.url,
    ClientIDList: provider.clientIds,
    ThumbprintList: provider.thumbprints,
    CreateDate: provider.createDate,
    Tags: tags.length > 0 ? tags : undefined,
  };
};
