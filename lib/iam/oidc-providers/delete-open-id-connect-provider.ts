// DeleteOpenIDConnectProvider: removes a provider and its tags; NoSuchEntity when it does not exist.
import { NoSuchEntity } from '../../core/errors';
import type { IamOperation } from '../../core/context';

export const deleteOpenIDConnectProvider: IamOperation<'DeleteOpenIDConnectProvider'> = async (ctx, input) => {
  const arn = input.OpenIDConnectProviderArn;
  const provider = await ctx.store.identityProviders.getOidc(arn);
  // AWS words this differently from the other operations' "OpenIDConnect Provider not found for arn …".
  if (!provider) throw new NoSuchEntity(`OpenId connect Provider ${arn} cannot be found.`);
  await ctx.store.tags.removeAll('oidc-provider', provider.arn);
  await ctx.store.identityProviders.deleteOidc(provider.arn);
  return {};
};
