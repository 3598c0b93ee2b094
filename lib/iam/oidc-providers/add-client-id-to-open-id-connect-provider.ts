// AddClientIDToOpenIDConnectProvider: adds an audience; adding one already present changes nothing.
import type { IamOperation } from '../../core/context';
import { requireOidcProvider, validateClientIds } from './require-oidc-provider';

export const addClientIDToOpenIDConnectProvider: IamOperation<'AddClientIDToOpenIDConnectProvider'> = async (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  if (provider.clientIds.includes(input.ClientID)) return {};
  const clientIds = validateClientIds([...provider.clientIds, input.ClientID]);
  ctx.store.identityProviders.putOidc({ ...provider, clientIds });
  return {};
};
