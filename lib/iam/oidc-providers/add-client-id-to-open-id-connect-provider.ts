// AddClientIDToOpenIDConnectProvider: adds an audience; adding one already present changes nothing.
import type { IamOperation } from '../../core/context';
import { requireOidcProvider, validateClientIds } from './require-oidc-provider';

export const addClientIDToOpenIDConnectProvider: IamOperation<'AddClientIDToOpenIDConnectProvider'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  if (provider.clientIds.includes(input.ClientID)) return {};
  const clientIds = validateClientIds([...provider.clientIds, input.ClientID]);
  await ctx.store.identityProviders.putOidc({ ...provider, clientIds });
  return {};
};
