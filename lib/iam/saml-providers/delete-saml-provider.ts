// DeleteSAMLProvider: removes a SAML provider and its tags.
import type { IamOperation } from '../../core/context';
import { requireSamlProvider } from './require-saml-provider';

export const deleteSAMLProvider: IamOperation<'DeleteSAMLProvider'> = async (ctx, input) => {
  const provider = await requireSamlProvider(ctx.store, input.SAMLProviderArn);
  await ctx.store.tags.removeAll('saml-provider', provider.arn);
  await ctx.store.identityProviders.deleteSaml(provider.arn);
  return {};
};
