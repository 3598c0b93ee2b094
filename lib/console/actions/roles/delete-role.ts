'use server';
// Deletes a role the way AWS requires: remove it from its instance profiles, detach its managed policies,
// delete its inline policies, then DeleteRole. The console lists those dependents in the confirmation first.
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { allPages } from '../policies/all-pages';

export const deleteRole = action(z.object({ roleName: z.string().min(1) }), async ({ roleName }, { iam }) => {
  const profiles = await allPages(
    (Marker) => iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName, Marker })),
    (p) => p.InstanceProfiles,
  );
  for (const profile of profiles)
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: roleName, InstanceProfileName: profile.InstanceProfileName! }));
  const attached = await allPages(
    (Marker) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker })),
    (p) => p.AttachedPolicies,
  );
  for (const policy of attached) await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policy.PolicyArn! }));
  const inline = await allPages(
    (Marker) => iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker })),
    (p) => p.PolicyNames,
  );
  for (const name of inline) await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
  await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  return { deleted: roleName };
});
