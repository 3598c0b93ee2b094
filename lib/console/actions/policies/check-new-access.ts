'use server';
// "What changes" before saving an inline policy or a trust policy: IAM Access Analyzer's CheckNoNewAccess (through
// the signed-in principal's client) against the saved document, and, for identity policies, the newly allowed
// action × resource pairs computed with lib/policy over the action catalogue.
import { CheckNoNewAccessCommand } from '@aws-sdk/client-accessanalyzer';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { analyzerClientFor } from '@/lib/console/clients';
import { loadActionCatalog, servicesReferenced } from '@/lib/policy/catalog';
import { diffEffectivePermissions, type PermissionChange } from './permission-diff';

export interface NewAccessReport {
  result: 'PASS' | 'FAIL';
  message: string;
  reasons: { description: string; statementIndex?: number; statementId?: string }[];
  /** Identity policies: what the new document allows that the saved one does not (conditions assumed to hold). */
  newlyAllowed?: PermissionChange[];
}

export const checkNewAccess = action(
  z.object({ before: z.string().max(131072), after: z.string().max(131072), policyType: z.enum(['identity', 'trust']) }),
  async ({ before, after, policyType }, { session }): Promise<NewAccessReport> => {
    const client = analyzerClientFor(session.credentials);
    try {
      const check = await client.send(
        new CheckNoNewAccessCommand({
          existingPolicyDocument: before,
          newPolicyDocument: after,
          policyType: policyType === 'trust' ? 'RESOURCE_POLICY' : 'IDENTITY_POLICY',
        }),
      );
      const report: NewAccessReport = {
        result: check.result ?? 'FAIL',
        message: check.message ?? '',
        reasons: (check.reasons ?? []).map((r) => ({
          description: r.description ?? '',
          statementIndex: r.statementIndex,
          statementId: r.statementId,
        })),
      };
      if (policyType === 'identity' && report.result === 'FAIL') {
        const catalog = await loadActionCatalog([...servicesReferenced(before), ...servicesReferenced(after)]);
        report.newlyAllowed = diffEffectivePermissions(before, after, catalog).newlyAllowed;
      }
      return report;
    } finally {
      client.destroy();
    }
  },
);
