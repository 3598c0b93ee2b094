'use server';
// One page of ListPolicies: scope (customer / AWS managed / all), attached only, path prefix.
import { ListPoliciesCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { iso } from './all-pages';

export const listPolicies = action(
  z.object({
    scope: z.enum(['All', 'AWS', 'Local']).default('Local'),
    onlyAttached: z.boolean().default(false),
    pathPrefix: z.string().max(512).optional(),
    marker: z.string().optional(),
  }),
  async ({ scope, onlyAttached, pathPrefix, marker }, { iam }) => {
    const page = await iam.send(
      new ListPoliciesCommand({
        Scope: scope,
        OnlyAttached: onlyAttached,
        PathPrefix: pathPrefix || undefined,
        Marker: marker,
        MaxItems: 100,
      }),
    );
    return {
      items: (page.Policies ?? []).map((p) => ({
        policyName: p.PolicyName!,
        arn: p.Arn!,
        path: p.Path ?? '/',
        attachmentCount: p.AttachmentCount ?? 0,
        boundaryUsageCount: p.PermissionsBoundaryUsageCount ?? 0,
        defaultVersionId: p.DefaultVersionId ?? 'v1',
        updateDate: iso(p.UpdateDate),
        awsManaged: p.Arn!.startsWith('arn:aws:iam::aws:') || /^arn:[^:]+:iam::aws:/.test(p.Arn!),
      })),
      marker: page.IsTruncated ? page.Marker : undefined,
    };
  },
  { fieldNames: { PathPrefix: 'pathPrefix' } },
);
