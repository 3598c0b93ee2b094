// TagOpenIDConnectProvider: adds or overwrites tags of an OIDC provider (50 at most, keys ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireOidcProvider } from './require-oidc-provider';

export const tagOpenIDConnectProvider: IamOperation<'TagOpenIDConnectProvider'> = async (ctx, input) => {
  const provider = await requireOidcProvider(ctx.store, input.OpenIDConnectProviderArn);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('oidc-provider', provider.arn)).map((t) => t.Key),
  );
  await ctx.store.tags.put('oidc-provider', provider.arn, tags);
  return {};
};
