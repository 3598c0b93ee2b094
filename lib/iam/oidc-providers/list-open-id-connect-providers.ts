// ListOpenIDConnectProviders: the ARNs of every OIDC provider of the account (not paginated, as AWS).
import type { IamOperation } from '../../core/context';

export const listOpenIDConnectProviders: IamOperation<'ListOpenIDConnectProviders'> = async (ctx) => ({
  OpenIDConnectProviderList: (await ctx.store.identityProviders.listOidc()).map((provider) => ({ Arn: provider.arn })),
});
