// RemoveClientIDFromOpenIDConnectProvider: removes an audience; removing one not present changes nothing.
import type { IamOperation } from '../../core/context';
import { requireOidcProvider } from './require-oidc-provider';

export const removeClientIDFromOpenIDConnectProvider: IamOperation<'RemoveClientIDFromOpenIDConnectProvider'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  await ctx.store.identityProviders.putOidc({ ...provider, clientIds: provider.clientIds.filter((id) => id !== input.ClientID) });
  return {};
};
