'use server';
// Changes to a provider: a SAML provider's metadata (UpdateSAMLProvider); an OIDC provider's audiences
// (AddClientIDToOpenIDConnectProvider / RemoveClientIDFromOpenIDConnectProvider) and thumbprints
// (UpdateOpenIDConnectProviderThumbprint); deletion of either.
import {
  AddClientIDToOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteSAMLProviderCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

const arn = z.string().min(1);

export const updateSamlMetadata = action(
  z.object({ arn, metadata: z.string().trim().min(1, 'Paste or upload the metadata document.') }),
  async ({ arn, metadata }, { iam }) => {
    await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, SAMLMetadataDocument: metadata }));
    return { arn };
  },
  { fieldNames: { SAMLMetadataDocument: 'metadata' } },
);

export const addClientId = action(
  z.object({ arn, clientId: z.string().trim().min(1, 'Enter an audience (client ID).') }),
  async ({ arn, clientId }, { iam }) => {
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: clientId }));
    return { arn };
  },
  { fieldNames: { ClientID: 'clientId' } },
);

export const removeClientId = action(z.object({ arn, clientId: z.string().min(1) }), async ({ arn, clientId }, { iam }) => {
  await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: clientId }));
  return { arn };
});

export const updateThumbprints = action(
  z.object({
    arn,
    thumbprints: z.string().transform((text) =>
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  }),
  async ({ arn, thumbprints }, { iam }) => {
    await iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: thumbprints }));
    return { arn };
  },
  { fieldNames: { ThumbprintList: 'thumbprints' } },
);

export const deleteIdentityProvider = action(z.object({ arn, type: z.enum(['SAML', 'OIDC']) }), async ({ arn, type }, { iam }) => {
  if (type === 'SAML') await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
  else await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  return { arn };
});
