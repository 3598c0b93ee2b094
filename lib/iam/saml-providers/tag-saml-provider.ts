// TagSAMLProvider: adds or overwrites tags of a SAML provider (50 at most, keys ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireSamlProvider } from './require-saml-provider';

export const tagSAMLProvider: IamOperation<'TagSAMLProvider'> = async (ctx, input) => {
  const provider = await requireSamlProvider(ctx.store, input.SAMLProviderArn);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('saml-provider', provider.arn)).map((t) => t.Key),
  );
  await ctx.store.tags.put('saml-provider', provider.arn, tags);
  return {};
};
