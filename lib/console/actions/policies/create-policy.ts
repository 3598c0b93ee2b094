'use server';
// CreatePolicy: name, path, description, document, tags.
import { CreatePolicyCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const createPolicy = action(
  z.object({
    policyName: z.string().trim().min(1, 'Enter a policy name.').max(128),
    path: z.string().trim().default('/'),
    description: z.string().max(1000).default(''),
    document: z.string().min(1, 'Enter a policy document.'),
    tags: z.array(z.object({ key: z.string().min(1), value: z.string() })).default([]),
  }),
  async ({ policyName, path, description, document, tags }, { iam }) => {
    const { Policy: policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: policyName,
        Path: path || '/',
        Description: description || undefined,
        PolicyDocument: document,
        Tags: tags.length ? tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
      }),
    );
    return { arn: policy!.Arn!, policyName: policy!.PolicyName! };
  },
  { fieldNames: { PolicyName: 'policyName', Path: 'path', Description: 'description', PolicyDocument: 'document' } },
);
