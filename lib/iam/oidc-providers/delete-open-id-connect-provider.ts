// DeleteOpenIDConnectProvider: removes a provider and its tags; NoSuchEntity when it does not exist.
import type { DeleteOpenIDConnectProviderRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../context';
import { requireOidcProvider } from './require-oidc-provider';

export const deleteOpenIDConnectProvider: Operation<DeleteOpenIDConnectProviderRequest> = (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn!);
  ctx.store.tags.removeAll('oidc-provider', provider.arn);
  ctx.store.identityProviders.deleteOidc(provider.arn);
  return {};
};
