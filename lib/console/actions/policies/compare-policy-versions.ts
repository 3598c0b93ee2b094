'use server';
// The effective-permission difference between two versions of a managed policy (read through the IAM API),
// computed with lib/policy over the action catalogue of the services they name.
import { GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { loadActionCatalog, servicesReferenced } from '@/lib/policy/catalog';
import { decodePolicyDocument } from './all-pages';
import { diffEffectivePermissions } from './permission-diff';

export const comparePolicyVersions = action(
  z.object({
    policyArn: z.string().min(20),
    fromVersionId: z.string().regex(/^v[1-9][0-9]*$/),
    toVersionId: z.string().regex(/^v[1-9][0-9]*$/),
  }),
  async ({ policyArn, fromVersionId, toVersionId }, { iam }) => {
    const [from, to] = await Promise.all(
      [fromVersionId, toVersionId].map(async (VersionId) =>
        decodePolicyDocument((await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId }))).PolicyVersion?.Document),
      ),
    );
    const catalog = await loadActionCatalog([...servicesReferenced(from!), ...servicesReferenced(to!)]);
    return { fromVersionId, toVersionId, ...diffEffectivePermissions(from!, to!, catalog) };
  },
);
