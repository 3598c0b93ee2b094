'use server';
// CreateRole: name, path, trust policy, description, maximum session duration, boundary, tags.
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const createRole = action(
  z.object({
    roleName: z.string().trim().min(1, 'Enter a role name.').max(64),
    path: z.string().trim().default('/'),
    trustPolicy: z.string().min(1, 'Enter a trust policy.'),
    description: z.string().max(1000).default(''),
    maxSessionDuration: z
      .number()
      .int()
      .min(3600, 'At least 3,600 seconds (1 hour).')
      .max(43200, 'At most 43,200 seconds (12 hours).')
      .default(3600),
    permissionsBoundary: z.string().trim().default(''),
    tags: z.array(z.object({ key: z.string().min(1), value: z.string() })).default([]),
  }),
  async ({ roleName, path, trustPolicy, description, maxSessionDuration, permissionsBoundary, tags }, { iam }) => {
    const { Role: role } = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        Path: path || '/',
        AssumeRolePolicyDocument: trustPolicy,
        Description: description || undefined,
        MaxSessionDuration: maxSessionDuration,
        PermissionsBoundary: permissionsBoundary || undefined,
        Tags: tags.length ? tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
      }),
    );
    return { roleName: role!.RoleName!, arn: role!.Arn! };
  },
  {
    fieldNames: {
      RoleName: 'roleName',
      Path: 'path',
      AssumeRolePolicyDocument: 'trustPolicy',
      Description: 'description',
      MaxSessionDuration: 'maxSessionDuration',
      PermissionsBoundary: 'permissionsBoundary',
      Tags: 'tags',
    },
  },
);
