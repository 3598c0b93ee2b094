'use server';
// The account's identity providers: SAML (ListSAMLProviders) and OpenID Connect (ListOpenIDConnectProviders, then
// GetOpenIDConnectProvider for each URL, audiences and thumbprints), newest first.
import { GetOpenIDConnectProviderCommand, ListOpenIDConnectProvidersCommand, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export interface IdentityProviderView {
  arn: string;
  type: 'SAML' | 'OIDC';
  /** The SAML provider's name, or the OIDC provider's URL without `https://`. */
  name: string;
  createDate?: string;
  validUntil?: string;
  clientIds: string[];
  thumbprints: string[];
}

export const listIdentityProviders = action(z.object({}), async (_input, { iam }) => {
  const [saml, oidc] = await Promise.all([iam.send(new ListSAMLProvidersCommand({})), iam.send(new ListOpenIDConnectProvidersCommand({}))]);
  const oidcDetails = await Promise.all(
    (oidc.OpenIDConnectProviderList ?? []).map(async ({ Arn }) => {
      const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: Arn! }));
      return {
        arn: Arn!,
        type: 'OIDC' as const,
        name: (provider.Url ?? Arn!.replace(/^.*:oidc-provider\//, '')).replace(/^https:\/\//, ''),
        createDate: provider.CreateDate?.toISOString(),
        clientIds: provider.ClientIDList ?? [],
        thumbprints: provider.ThumbprintList ?? [],
      };
    }),
  );
  const samlProviders = (saml.SAMLProviderList ?? []).map((p): IdentityProviderView => ({
    arn: p.Arn!,
    type: 'SAML',
    name: p.Arn!.replace(/^.*:saml-provider\//, ''),
    createDate: p.CreateDate?.toISOString(),
    validUntil: p.ValidUntil?.toISOString(),
    clientIds: [],
    thumbprints: [],
  }));
  return [...samlProviders, ...oidcDetails].sort(
    (a, b) => (b.createDate ?? '').localeCompare(a.createDate ?? '') || a.name.localeCompare(b.name),
  );
});
