// CreateSAMLProvider: registers a SAML 2.0 identity provider from its metadata document.
import { EntityAlreadyExists, LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { SAML_PROVIDERS_PER_ACCOUNT } from './require-saml-provider';
import { parseSamlMetadata, validUntilOf } from './saml-metadata';

export const createSAMLProvider: IamOperation<'CreateSAMLProvider'> = async (ctx, input) => {
  const name = input.Name;
  const arn = `arn:aws:iam::${ctx.principal.accountId}:saml-provider/${name}`;
  const metadata = parseSamlMetadata(input.SAMLMetadataDocument);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  const existing = await ctx.store.identityProviders.listSaml();
  if (existing.some((p) => p.name.toLowerCase() === name.toLowerCase()))
    throw new EntityAlreadyExists(`SAMLProvider ${name} already exists.`);
  if (existing.length >= SAML_PROVIDERS_PER_ACCOUNT)
    throw new LimitExceeded(`Cannot exceed quota for SamlProvidersPerAccount: ${SAML_PROVIDERS_PER_ACCOUNT}`);
  await ctx.store.identityProviders.putSaml({
    arn,
    name,
    metadataDocument: input.SAMLMetadataDocument,
    createDate: ctx.now.toISOString(),
    validUntil: validUntilOf(metadata, ctx.now),
  });
  if (tags.length > 0) await ctx.store.tags.put('saml-provider', arn, tags);
  return { SAMLProviderArn: arn, Tags: tags.length > 0 ? tags : undefined };
};
