// CreateOpenIDConnectProvider: registers an OIDC identity provider (issuer URL, audiences, thumbprints).
import { EntityAlreadyExists, LimitExceeded, ValidationError } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { OIDC_QUOTAS, validateClientIds, validateThumbprints } from './require-oidc-provider';

/** AWS's answer to an issuer URL that is not `https://host[/path]` (e.g. `example.org`). */
const INVALID_URL = 'Invalid Open ID Connect Provider URL';

/** The issuer URL as AWS keeps it: `https://` removed; host and path without a trailing slash. */
export function oidcProviderPath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(INVALID_URL);
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new ValidationError(INVALID_URL);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.host.toLowerCase()}${path}`;
}

export const createOpenIDConnectProvider: IamOperation<'CreateOpenIDConnectProvider'> = async (ctx, input) => {
  const url = oidcProviderPath(input.Url);
  const arn = `arn:aws:iam::${ctx.principal.accountId}:oidc-provider/${url}`;
  const thumbprints = validateThumbprints(input.ThumbprintList ?? [], { allowEmpty: true });
  const clientIds = validateClientIds(input.ClientIDList ?? []);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  if (await ctx.store.identityProviders.getOidc(arn)) throw new EntityAlreadyExists(`Provider with url https://${url} already exists.`);
  if ((await ctx.store.identityProviders.listOidc()).length >= OIDC_QUOTAS.providersPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${OIDC_QUOTAS.providersPerAccount}`);
  }
  await ctx.store.identityProviders.putOidc({ arn, url, clientIds, thumbprints, createDate: ctx.now.toISOString() });
  if (tags.length > 0) await ctx.store.tags.put('oidc-provider', arn, tags);
  return { OpenIDConnectProviderArn: arn, Tags: tags.length > 0 ? tags : undefined };
};
