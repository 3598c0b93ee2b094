// UntagSAMLProvider: removes tags of a SAML provider by key (ignoring case); absent keys are ignored.
import type { IamOperation } from '../../core/context';
import { requireSamlProvider } from './require-saml-provider';

export const untagSAMLProvider: IamOperation<'UntagSAMLProvider'> = async (ctx, input) => {
  const provider = await requireSamlProvider(ctx.store, input.SAMLProviderArn);
  await ctx.store.tags.remove('saml-provider', provider.arn, input.TagKeys ?? []);
  return {};
};
