// RemoveClientIDFromOpenIDConnectProvider: removes an audience; removing one not present changes nothing.
import type { RemoveClientIDFromOpenIDConnectProviderRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireOidcProvider } from './require-oidc-provider';

export const removeClientIDFromOpenIDConnectProvider: Operation<RemoveClientIDFromOpenIDConnectProviderRequest> = (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn!);
  ctx.store.identityProviders.putOidc({ ...provider, clientIds: provider.clientIds.filter((id) => id !== input.ClientID) });
  return {};
};
