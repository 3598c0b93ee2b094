'use server';
// ListEntitiesForPolicy, every page: the users, groups and roles a policy is attached to (or bounds).
import { ListEntitiesForPolicyCommand, type ListEntitiesForPolicyCommandOutput } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const listEntitiesForPolicy = action(
  z.object({ policyArn: z.string().min(20), usage: z.enum(['PermissionsPolicy', 'PermissionsBoundary']).default('PermissionsPolicy') }),
  async ({ policyArn, usage }, { iam }) => {
    const users: string[] = [];
    const groups: string[] = [];
    const roles: string[] = [];
    let marker: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page: ListEntitiesForPolicyCommandOutput = await iam.send(
        new ListEntitiesForPolicyCommand({ PolicyArn: policyArn, PolicyUsageFilter: usage, Marker: marker }),
      );
      users.push(...(page.PolicyUsers ?? []).map((u) => u.UserName!));
      groups.push(...(page.PolicyGroups ?? []).map((g) => g.GroupName!));
      roles.push(...(page.PolicyRoles ?? []).map((r) => r.RoleName!));
      if (!page.IsTruncated || !page.Marker) break;
      marker = page.Marker;
    }
    return { users, groups, roles };
  },
);
