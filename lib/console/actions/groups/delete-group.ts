'use server';
// Deletes a group the way AWS requires: remove its members, detach its managed policies, delete its inline
// policies, then DeleteGroup. The console lists those dependents in the confirmation first.
import {
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { allPages } from '../policies/all-pages';

export const deleteGroup = action(z.object({ groupName: z.string().min(1) }), async ({ groupName }, { iam }) => {
  const members = await allPages(
    (Marker) => iam.send(new GetGroupCommand({ GroupName: groupName, Marker })),
    (p) => p.Users,
  );
  for (const user of members) await iam.send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: user.UserName! }));
  const attached = await allPages(
    (Marker) => iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName, Marker })),
    (p) => p.AttachedPolicies,
  );
  for (const policy of attached) await iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policy.PolicyArn! }));
  const inline = await allPages(
    (Marker) => iam.send(new ListGroupPoliciesCommand({ GroupName: groupName, Marker })),
    (p) => p.PolicyNames,
  );
  for (const name of inline) await iam.send(new DeleteGroupPolicyCommand({ GroupName: groupName, PolicyName: name }));
  await iam.send(new DeleteGroupCommand({ GroupName: groupName }));
  return { deleted: groupName };
});
