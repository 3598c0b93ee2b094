// UpdateOpenIDConnectProviderThumbprint: replaces the provider's whole thumbprint list.
import type { UpdateOpenIDConnectProviderThumbprintRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../../core/context';
import { requireOidcProvider, validateThumbprints } from './require-oidc-provider';

export const updateOpenIDConnectProviderThumbprint: Operation<UpdateOpenIDConnectProviderThumbprintRequest> = (ctx, input) => {
  const provider = requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn!);
  ctx.store.identityProviders.putOidc({ ...provider, thumbprints: validateThumbprints(input.ThumbprintList ?? []) });
  return {};
};
