// UpdateSAMLProvider: replaces the provider's metadata document (validated as on creation).
import type { IamOperation } from '../../core/context';
import { requireSamlProvider } from './require-saml-provider';
import { parseSamlMetadata, validUntilOf } from './saml-metadata';

export const updateSAMLProvider: IamOperation<'UpdateSAMLProvider'> = async (ctx, input) => {
  const provider = await requireSamlProvider(ctx.store, input.SAMLProviderArn);
  const metadata = parseSamlMetadata(input.SAMLMetadataDocument);
  await ctx.store.identityProviders.putSaml({
    ...provider,
    metadataDocument: input.SAMLMetadataDocument,
    validUntil: validUntilOf(metadata, ctx.now),
  });
  return { SAMLProviderArn: provider.arn };
};
