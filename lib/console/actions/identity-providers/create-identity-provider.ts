'use server';
// CreateSAMLProvider (name and metadata document) or CreateOpenIDConnectProvider (URL, audiences, thumbprints).
import { CreateOpenIDConnectProviderCommand, CreateSAMLProviderCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

/** A list typed as text: one item per line or comma. */
const list = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const createIdentityProvider = action(
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('SAML'),
      name: z.string().trim().min(1, 'Enter a provider name.'),
      metadata: z.string().trim().min(1, 'Paste or upload the metadata document.'),
    }),
    z.object({
      type: z.literal('OIDC'),
      url: z
        .string()
        .trim()
        .regex(/^https:\/\//i, { message: 'The provider URL starts with https://.' }),
      clientIds: list.pipe(z.array(z.string()).min(1, 'Enter at least one audience (client ID).')),
      thumbprints: list,
    }),
  ]),
  async (input, { iam }) => {
    if (input.type === 'SAML') {
      const { SAMLProviderArn } = await iam.send(new CreateSAMLProviderCommand({ Name: input.name, SAMLMetadataDocument: input.metadata }));
      return { arn: SAMLProviderArn! };
    }
    const { OpenIDConnectProviderArn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: input.url,
        ClientIDList: input.clientIds,
        ThumbprintList: input.thumbprints.length ? input.thumbprints : undefined,
      }),
    );
    return { arn: OpenIDConnectProviderArn! };
  },
  { fieldNames: { Name: 'name', SAMLMetadataDocument: 'metadata', Url: 'url', ClientIDList: 'clientIds', ThumbprintList: 'thumbprints' } },
);
