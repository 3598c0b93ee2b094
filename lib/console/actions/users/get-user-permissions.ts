'use server';
// Everything that grants or limits a user's permissions, with the policy documents: attached managed policies,
// inline policies, each group's attached and inline policies, the permissions boundary — and the summary by service.
import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  paginateListAttachedGroupPolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListUserPolicies,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { collect } from './collect';
import { summarizePermissions, type SourcedPolicy } from './effective-permissions';

/** A managed policy as it applies to the user. */
export interface ManagedPolicyView {
  policyName: string;
  arn: string;
  awsManaged: boolean;
  document: string;
}

/** An inline policy. */
export interface InlinePolicyView {
  policyName: string;
  document: string;
}

/** IAM returns policy documents URL-encoded (RFC 3986). */
function decodeDocument(document: string | undefined): string {
  if (!document) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

function managedLoader(iam: IAMClient) {
  const cache = new Map<string, Promise<string>>();
  return (arn: string) => {
    let pending = cache.get(arn);
    if (!pending) {
      pending = (async () => {
        const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
        const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy!.DefaultVersionId! }));
        return decodeDocument(PolicyVersion?.Document);
      })();
      cache.set(arn, pending);
    }
    return pending;
  };
}

export const getUserPermissions = action(z.object({ userName: z.string().min(1) }), async ({ userName }, { iam }) => {
  const managedDocument = managedLoader(iam);
  const q = { UserName: userName };
  const [user, attached, inlineNames, groups] = await Promise.all([
    iam.send(new GetUserCommand(q)),
    collect(paginateListAttachedUserPolicies({ client: iam }, q), (p) => p.AttachedPolicies),
    collect(paginateListUserPolicies({ client: iam }, q), (p) => p.PolicyNames),
    collect(paginateListGroupsForUser({ client: iam }, q), (p) => p.Groups),
  ]);
  const managed = (list: Array<{ PolicyName?: string; PolicyArn?: string }>) =>
    Promise.all(
      list.map(async (p): Promise<ManagedPolicyView> => ({
        policyName: p.PolicyName!,
        arn: p.PolicyArn!,
        awsManaged: p.PolicyArn!.startsWith('arn:aws:iam::aws:'),
        document: await managedDocument(p.PolicyArn!),
      })),
    );
  const attachedPolicies = await managed(attached);
  const inlinePolicies = await Promise.all(
    inlineNames.map(async (name): Promise<InlinePolicyView> => ({
      policyName: name,
      document: decodeDocument((await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: name }))).PolicyDocument),
    })),
  );
  const groupPolicies = await Promise.all(
    groups.map(async (g) => {
      const gq = { GroupName: g.GroupName! };
      const [groupAttached, groupInline] = await Promise.all([
        collect(paginateListAttachedGroupPolicies({ client: iam }, gq), (p) => p.AttachedPolicies),
        collect(paginateListGroupPolicies({ client: iam }, gq), (p) => p.PolicyNames),
      ]);
      return {
        groupName: g.GroupName!,
        attachedPolicies: await managed(groupAttached),
        inlinePolicies: await Promise.all(
          groupInline.map(async (name): Promise<InlinePolicyView> => ({
            policyName: name,
            document: decodeDocument(
              (await iam.send(new GetGroupPolicyCommand({ GroupName: g.GroupName!, PolicyName: name }))).PolicyDocument,
            ),
          })),
        ),
      };
    }),
  );
  const boundaryArn = user.User?.PermissionsBoundary?.PermissionsBoundaryArn;
  const boundary = boundaryArn
    ? { arn: boundaryArn, policyName: boundaryArn.split('/').pop() ?? boundaryArn, document: await managedDocument(boundaryArn) }
    : null;

  const sourced: SourcedPolicy[] = [
    ...attachedPolicies.map((p) => ({ source: p.policyName, document: p.document })),
    ...inlinePolicies.map((p) => ({ source: `${p.policyName} (inline)`, document: p.document })),
    ...groupPolicies.flatMap((g) => [
      ...g.attachedPolicies.map((p) => ({ source: `${p.policyName} (group ${g.groupName})`, document: p.document })),
      ...g.inlinePolicies.map((p) => ({ source: `${p.policyName} (inline, group ${g.groupName})`, document: p.document })),
    ]),
  ];
  const summary = await summarizePermissions(sourced);
  return { attachedPolicies, inlinePolicies, groupPolicies, boundary, summary };
});
