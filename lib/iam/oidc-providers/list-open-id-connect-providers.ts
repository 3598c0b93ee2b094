// ListOpenIDConnectProviders: the ARNs of every OIDC provider of the account (not paginated, as AWS).
import type { Operation } from '../../core/context';

export const listOpenIDConnectProviders: Operation<Record<string, never>> = (ctx) => ({
  OpenIDConnectProviderList: ctx.store.identityProviders.listOidc().map((provider) => ({ Arn: provider.arn })),
});
