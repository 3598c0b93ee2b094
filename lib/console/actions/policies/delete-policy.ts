'use server';
// Deletes a customer managed policy the way AWS requires: detach it from every user, group and role, delete its
// non-default versions, then DeletePolicy. The console lists those dependents in the confirmation first.
import {
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  ListEntitiesForPolicyCommand,
  ListPolicyVersionsCommand,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { allPages } from './all-pages';

export const deletePolicy = action(z.object({ policyArn: z.string().min(20) }), async ({ policyArn }, { iam }) => {
  const entities = await allPages(
    (Marker) => iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policyArn, PolicyUsageFilter: 'PermissionsPolicy', Marker })),
    (page) => [
      ...(page.PolicyUsers ?? []).map((u) => ({ kind: 'user' as const, name: u.UserName! })),
      ...(page.PolicyGroups ?? []).map((g) => ({ kind: 'group' as const, name: g.GroupName! })),
      ...(page.PolicyRoles ?? []).map((r) => ({ kind: 'role' as const, name: r.RoleName! })),
    ],
  );
  for (const entity of entities) {
    if (entity.kind === 'user') await iam.send(new DetachUserPolicyCommand({ UserName: entity.name, PolicyArn: policyArn }));
    else if (entity.kind === 'group') await iam.send(new DetachGroupPolicyCommand({ GroupName: entity.name, PolicyArn: policyArn }));
    else await iam.send(new DetachRolePolicyCommand({ RoleName: entity.name, PolicyArn: policyArn }));
  }
  const versions = await allPages(
    (Marker) => iam.send(new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker })),
    (page) => page.Versions,
  );
  for (const version of versions) {
    if (!version.IsDefaultVersion) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: version.VersionId! }));
  }
  await iam.send(new DeletePolicyCommand({ PolicyArn: policyArn }));
  return { deleted: policyArn, detached: entities.length };
});
