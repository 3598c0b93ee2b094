'use server';
// ListPolicies (customer and AWS managed), every page: the choices of "attach policy" and "set boundary".
import { paginateListPolicies } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';

export const listPolicies = action(z.object({ scope: z.enum(['All', 'AWS', 'Local']).default('All') }), async ({ scope }, { iam }) => {
  const policies = await collect(paginateListPolicies({ client: iam, pageSize: 1000 }, { Scope: scope }), (p) => p.Policies);
  return {
    policies: policies.map((p) => ({
      policyName: p.PolicyName!,
      arn: p.Arn!,
      path: p.Path ?? '/',
      attachmentCount: p.AttachmentCount ?? 0,
      awsManaged: p.Arn!.startsWith('arn:aws:iam::aws:'),
    })),
  };
});
