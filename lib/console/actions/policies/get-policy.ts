'use server';
// A managed policy with its versions (every page) and its default version's document.
import { GetPolicyCommand, GetPolicyVersionCommand, ListPolicyVersionsCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { allPages, decodePolicyDocument, iso } from './all-pages';

export const getPolicy = action(z.object({ policyArn: z.string().min(20) }), async ({ policyArn }, { iam }) => {
  const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  const versions = await allPages(
    (Marker) => iam.send(new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker })),
    (page) => page.Versions,
  );
  const defaultVersionId = policy?.DefaultVersionId ?? versions.find((v) => v.IsDefaultVersion)?.VersionId ?? 'v1';
  const { PolicyVersion: version } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: defaultVersionId }));
  return {
    policyName: policy?.PolicyName ?? '',
    arn: policyArn,
    path: policy?.Path ?? '/',
    description: policy?.Description ?? '',
    policyId: policy?.PolicyId ?? '',
    attachmentCount: policy?.AttachmentCount ?? 0,
    boundaryUsageCount: policy?.PermissionsBoundaryUsageCount ?? 0,
    createDate: iso(policy?.CreateDate),
    updateDate: iso(policy?.UpdateDate),
    awsManaged: /^arn:[^:]+:iam::aws:/.test(policyArn),
    defaultVersionId,
    defaultDocument: decodePolicyDocument(version?.Document),
    tags: (policy?.Tags ?? []).map((t) => ({ key: t.Key!, value: t.Value ?? '' })),
    versions: versions
      .map((v) => ({ versionId: v.VersionId!, isDefault: v.IsDefaultVersion ?? false, createDate: iso(v.CreateDate) }))
      .sort((a, b) => Number(b.versionId.slice(1)) - Number(a.versionId.slice(1))),
  };
});
