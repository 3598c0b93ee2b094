'use server';
// A role with everything its detail page shows: trust policy, boundary, maximum session, last use, tags (every
// page), attached and inline policies, instance profiles.
import {
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { allPages, decodePolicyDocument, iso } from '../policies/all-pages';

export const getRole = action(z.object({ roleName: z.string().min(1) }), async ({ roleName }, { iam }) => {
  const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
  const [attached, inline, tags, instanceProfiles] = await Promise.all([
    allPages(
      (Marker) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker })),
      (p) => p.AttachedPolicies,
    ),
    allPages(
      (Marker) => iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker })),
      (p) => p.PolicyNames,
    ),
    allPages(
      (Marker) => iam.send(new ListRoleTagsCommand({ RoleName: roleName, Marker })),
      (p) => p.Tags,
    ),
    allPages(
      (Marker) => iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName, Marker })),
      (p) => p.InstanceProfiles,
    ),
  ]);
  return {
    roleName: role?.RoleName ?? roleName,
    path: role?.Path ?? '/',
    arn: role?.Arn ?? '',
    roleId: role?.RoleId ?? '',
    description: role?.Description ?? '',
    createDate: iso(role?.CreateDate),
    maxSessionDuration: role?.MaxSessionDuration ?? 3600,
    trustPolicy: decodePolicyDocument(role?.AssumeRolePolicyDocument),
    serviceLinked: (role?.Path ?? '').startsWith('/aws-service-role/'),
    permissionsBoundaryArn: role?.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    lastUsed: role?.RoleLastUsed?.LastUsedDate
      ? { date: iso(role.RoleLastUsed.LastUsedDate)!, region: role.RoleLastUsed.Region ?? '' }
      : null,
    tags: tags.map((t) => ({ key: t.Key!, value: t.Value ?? '' })),
    attachedPolicies: attached.map((p) => ({ policyName: p.PolicyName!, policyArn: p.PolicyArn! })),
    inlinePolicyNames: inline,
    instanceProfiles: instanceProfiles.map((p) => ({ name: p.InstanceProfileName!, arn: p.Arn!, path: p.Path ?? '/' })),
  };
});
