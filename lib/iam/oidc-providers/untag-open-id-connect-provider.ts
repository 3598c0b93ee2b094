// UntagOpenIDConnectProvider: removes tags of an OIDC provider by key (ignoring case); absent keys are ignored.
import type { IamOperation } from '../../core/context';
import { requireOidcProvider } from './require-oidc-provider';

export const untagOpenIDConnectProvider: IamOperation<'UntagOpenIDConnectProvider'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  await ctx.store.tags.remove('oidc-provider', provider.arn, input.TagKeys ?? []);
  return {};
};
