'use server';
// Starts IAM Access Analyzer's policy generation for a user or role (its ARN read through IAM), over the last
// `days` days of its activity, through the signed-in principal's Access Analyzer client.
import { StartPolicyGenerationCommand } from '@aws-sdk/client-accessanalyzer';
import { GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { analyzerClientFor } from '@/lib/console/clients';

export const startPolicyGeneration = action(
  z.object({ kind: z.enum(['user', 'role']), name: z.string().min(1).max(128), days: z.number().int().min(1).max(90) }),
  async ({ kind, name, days }, { session, iam }) => {
    const arn =
      kind === 'user'
        ? (await iam.send(new GetUserCommand({ UserName: name }))).User?.Arn
        : (await iam.send(new GetRoleCommand({ RoleName: name }))).Role?.Arn;
    if (!arn) throw new Error(`The ${kind} ${name} has no ARN.`);
    const account = arn.split(':')[4];
    const client = analyzerClientFor(session.credentials);
    try {
      const { jobId } = await client.send(
        new StartPolicyGenerationCommand({
          policyGenerationDetails: { principalArn: arn },
          cloudTrailDetails: {
            // Gatehouse reads its own audit trail; AWS needs a trail and the role that reads it.
            trails: [],
            accessRole: `arn:aws:iam::${account}:role/service-role/AccessAnalyzerMonitorServiceRole`,
            startTime: new Date(Date.now() - days * 24 * 3600 * 1000),
            endTime: new Date(),
          },
        }),
      );
      return { jobId: jobId!, principalArn: arn };
    } finally {
      client.destroy();
    }
  },
);
