// ListSAMLProviders: every SAML provider of the account with its dates (not paginated, as AWS).
import type { IamOperation } from '../../core/context';

export const listSAMLProviders: IamOperation<'ListSAMLProviders'> = async (ctx) => ({
  SAMLProviderList: (await ctx.store.identityProviders.listSaml()).map((provider) => ({
    Arn: provider.arn,
    CreateDate: provider.createDate,
    ValidUntil: provider.validUntil,
  })),
});
