// GetSAMLProvider: the provider's metadata document, dates and tags.
import type { IamOperation } from '../../core/context';
import { requireSamlProvider } from './require-saml-provider';

export const getSAMLProvider: IamOperation<'GetSAMLProvider'> = async (ctx, input) => {
  const provider = await requireSamlProvider(ctx.store, input.SAMLProviderArn);
  const tags = await ctx.store.tags.list('saml-provider', provider.arn);
  return {
    SAMLMetadataDocument: provider.metadataDocument,
    CreateDate: provider.createDate,
    ValidUntil: provider.validUntil,
    Tags: tags.length > 0 ? tags : undefined,
  };
};
