'use server';
// The policies of the principals being simulated (principal mode and the principals × actions view).
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { toActionError } from '@/lib/console/errors';
import { decodePolicyDocument, gatherPrincipalPolicies } from './gather-policies';

const principal = z.object({ type: z.enum(['user', 'group', 'role']), name: z.string().min(1).max(128) });

/** One principal's identity policies, groups' policies, boundary and (role) trust policy. */
export const getPrincipalPolicies = action(principal, async (input, { iam }) => gatherPrincipalPolicies(iam, input));

/** Trust policies of roles named as resources (for sts:AssumeRole), by role name; unreadable ones are listed apart. */
export const getRoleTrustPolicies = action(
  z.object({ roleNames: z.array(z.string().min(1).max(64)).max(50) }),
  async ({ roleNames }, { iam }) => {
    const trustPolicies: Record<string, { arn: string; text: string }> = {};
    const failures: Record<string, string> = {};
    for (const roleName of [...new Set(roleNames)]) {
      try {
        const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
        trustPolicies[roleName] = { arn: role.Arn!, text: decodePolicyDocument(role.AssumeRolePolicyDocument) };
      } catch (error) {
        failures[roleName] = toActionError(error).message;
      }
    }
    return { trustPolicies, failures };
  },
);
