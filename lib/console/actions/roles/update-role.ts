'use server';
// UpdateRole: description and maximum session duration.
import { UpdateRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

export const updateRole = action(
  z.object({
    roleName: z.string().min(1),
    description: z.string().max(1000).optional(),
    maxSessionDuration: z
      .number()
      .int()
      .min(3600, 'At least 3,600 seconds (1 hour).')
      .max(43200, 'At most 43,200 seconds (12 hours).')
      .optional(),
  }),
  async ({ roleName, description, maxSessionDuration }, { iam }) => {
    await iam.send(new UpdateRoleCommand({ RoleName: roleName, Description: description, MaxSessionDuration: maxSessionDuration }));
    return { roleName };
  },
  { fieldNames: { Description: 'description', MaxSessionDuration: 'maxSessionDuration' } },
);
