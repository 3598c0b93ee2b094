'use server';
// A group with every member (GetGroup, every page), its attached managed policies and inline policy names.
import { GetGroupCommand, ListAttachedGroupPoliciesCommand, ListGroupPoliciesCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { allPages, iso } from '../policies/all-pages';

export const getGroup = action(z.object({ groupName: z.string().min(1) }), async ({ groupName }, { iam }) => {
  let group: { GroupName?: string; Path?: string; Arn?: string; GroupId?: string; CreateDate?: Date } | undefined;
  const members = await allPages(
    async (Marker) => {
      const page = await iam.send(new GetGroupCommand({ GroupName: groupName, Marker }));
      group ??= page.Group;
      return page;
    },
    (page) => page.Users,
  );
  const [attached, inline] = await Promise.all([
    allPages(
      (Marker) => iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName, Marker })),
      (p) => p.AttachedPolicies,
    ),
    allPages(
      (Marker) => iam.send(new ListGroupPoliciesCommand({ GroupName: groupName, Marker })),
      (p) => p.PolicyNames,
    ),
  ]);
  return {
    groupName: group?.GroupName ?? groupName,
    path: group?.Path ?? '/',
    arn: group?.Arn ?? '',
    groupId: group?.GroupId ?? '',
    createDate: iso(group?.CreateDate),
    members: members.map((u) => ({ userName: u.UserName!, path: u.Path ?? '/', arn: u.Arn! })),
    attachedPolicies: attached.map((p) => ({ policyName: p.PolicyName!, policyArn: p.PolicyArn! })),
    inlinePolicyNames: inline,
  };
});
