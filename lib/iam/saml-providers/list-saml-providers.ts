// ListSAMLProviders: every SAML provider of the account with its dates (not paginated, as AWS).
import type { Operation } from '../../core/context';

export const listSAMLProviders: Operation<Record<string, never>> = (ctx) => ({
  SAMLProviderList: ctx.store.identityProviders
    .listSaml()
    .map((provider) => ({ Arn: provider.arn, CreateDate: provider.createDate, ValidUntil: provider.validUntil })),
});
