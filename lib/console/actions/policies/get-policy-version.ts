'use server';
// One version of a managed policy, its document made readable.
import { GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { decodePolicyDocument, iso } from './all-pages';

export const getPolicyVersion = action(
  z.object({ policyArn: z.string().min(20), versionId: z.string().regex(/^v[1-9][0-9]*$/) }),
  async ({ policyArn, versionId }, { iam }) => {
    const { PolicyVersion: v } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
    return {
      versionId,
      isDefault: v?.IsDefaultVersion ?? false,
      createDate: iso(v?.CreateDate),
      document: decodePolicyDocument(v?.Document),
    };
  },
);
