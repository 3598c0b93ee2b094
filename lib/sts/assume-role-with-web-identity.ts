// AssumeRoleWithWebIdentity: a role session for the holder of an OIDC ID token from a registered provider,
// when the role's trust policy admits the provider (`Federated`) with the token's claims as condition keys; the
// `https://aws.amazon.com/tags` claim's principal tags become session tags (the trust must allow sts:TagSession).
// See web-identity-token.ts for how Gatehouse verifies tokens without network access.
import type { StsOperation } from '../core/context';
import { InvalidIdentityToken } from '../core/errors';
import { assumeFederatedRole, providerSessionTags } from './federated-role';
import { verifyWebIdentityToken } from './web-identity-token';

export const assumeRoleWithWebIdentity: StsOperation<'AssumeRoleWithWebIdentity'> = async (ctx, input) => {
  const identity = await verifyWebIdentityToken(ctx.store, ctx.principal.accountId, input.WebIdentityToken, ctx.now);
  const url = identity.provider.url;
  const context: Record<string, string | string[]> = { [`${url}:aud`]: identity.audience, [`${url}:sub`]: identity.subject };
  if (typeof identity.claims.azp === 'string') context[`${url}:azp`] = identity.claims.azp;
  if (typeof identity.claims.amr === 'string' || Array.isArray(identity.claims.amr)) {
    context[`${url}:amr`] = ([] as unknown[]).concat(identity.claims.amr).filter((v): v is string => typeof v === 'string');
  }
  // Session tags in the token's `https://aws.amazon.com/tags` claim: { principal_tags: { key: [value] }, transitive_tag_keys: [key] }.
  const tagClaim = identity.claims['https://aws.amazon.com/tags'] as
    { principal_tags?: unknown; transitive_tag_keys?: unknown } | undefined;
  const principalTags =
    tagClaim && typeof tagClaim.principal_tags === 'object' && tagClaim.principal_tags !== null
      ? (tagClaim.principal_tags as Record<string, unknown>)
      : {};
  const pairs = Object.entries(principalTags).map(([key, value]): [string, string] => [
    key,
    String(Array.isArray(value) ? value[0] : value),
  ]);
  const transitive = Array.isArray(tagClaim?.transitive_tag_keys) ? tagClaim.transitive_tag_keys.map(String) : [];
  const { tags, transitiveTagKeys } = providerSessionTags(
    pairs,
    transitive,
    (message) => new InvalidIdentityToken(`Invalid web identity token: ${message}`),
  );
  const { credentials, principal, packed } = await assumeFederatedRole(ctx, {
    action: 'sts:AssumeRoleWithWebIdentity',
    roleArn: input.RoleArn,
    providerArn: identity.provider.arn,
    sessionName: input.RoleSessionName,
    durationSeconds: input.DurationSeconds,
    policy: input.Policy,
    policyArns: input.PolicyArns,
    context,
    tags,
    transitiveTagKeys,
  });
  return {
    Credentials: credentials,
    SubjectFromWebIdentityToken: identity.subject,
    AssumedRoleUser: { AssumedRoleId: principal.principalId, Arn: principal.arn },
    PackedPolicySize: packed,
    Provider: identity.issuer,
    Audience: identity.audience,
  };
};
