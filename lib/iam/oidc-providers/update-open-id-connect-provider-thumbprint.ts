// UpdateOpenIDConnectProviderThumbprint: replaces the provider's whole thumbprint list.
import type { IamOperation } from '../../core/context';
import { requireOidcProvider, validateThumbprints } from './require-oidc-provider';

export const updateOpenIDConnectProviderThumbprint: IamOperation<'UpdateOpenIDConnectProviderThumbprint'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  await ctx.store.identityProviders.putOidc({ ...provider, thumbprints: validateThumbprints(input.ThumbprintList ?? []) });
  return {};
};
