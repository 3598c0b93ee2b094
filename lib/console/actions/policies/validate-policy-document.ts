'use server';
// Validates a policy document with IAM Access Analyzer's ValidatePolicy (Gatehouse's, or AWS's when the console
// targets AWS), through the signed-in principal's Access Analyzer client, as the editor's catalogue-backed findings.
import { ValidatePolicyCommand, type ValidatePolicyFinding } from '@aws-sdk/client-accessanalyzer';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { analyzerClientFor } from '@/lib/console/clients';
import { analyzerPolicyType, fromAnalyzerFinding } from '@/components/policy-editor/analyzer-findings';
import type { Finding } from '@/lib/policy';

export const validatePolicyDocument = action(
  z.object({
    document: z.string().max(131072),
    policyType: z.enum(['identity', 'trust', 'boundary', 'resource', 'session']),
  }),
  async ({ document, policyType }, { session }) => {
    const client = analyzerClientFor(session.credentials);
    const findings: Finding[] = [];
    try {
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new ValidatePolicyCommand({ policyDocument: document, ...analyzerPolicyType(policyType), nextToken }),
        );
        findings.push(
          ...(page.findings ?? []).map((f) =>
            fromAnalyzerFinding(f as Required<ValidatePolicyFinding> & Parameters<typeof fromAnalyzerFinding>[0]),
          ),
        );
        nextToken = page.nextToken;
      } while (nextToken);
    } finally {
      client.destroy();
    }
    return { findings };
  },
);
