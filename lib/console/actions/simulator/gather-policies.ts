// Gathers a user's, group's or role's policies through the IAM API (server only): inline and attached
// managed policies (default version), a user's groups' policies, the permissions boundary, a role's trust
// policy — against the embedded service or real AWS alike.
import 'server-only';
import {
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListRolePolicies,
  paginateListUserPolicies,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { toActionError } from '@/lib/console/errors';
import type { PrincipalPolicies, PrincipalRef, SimulatorPolicy } from '@/lib/simulator/types';

/** IAM returns policy documents URL-encoded (RFC 3986); the SDK leaves them so. */
export function decodePolicyDocument(document: string | undefined): string {
  if (!document) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Reads every policy of a principal; a call that fails (AccessDenied...) becomes a warning, not a failure. */
export async function gatherPrincipalPolicies(iam: IAMClient, principal: PrincipalRef): Promise<PrincipalPolicies> {
  const policies: SimulatorPolicy[] = [];
  const warnings: string[] = [];
  const managedCache = new Map<string, Promise<string | undefined>>();
  const attempt = async <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      warnings.push(`${what}: ${toActionError(error).message}`);
      return undefined;
    }
  };
  const managedText = (arn: string) => {
    let pending = managedCache.get(arn);
    if (!pending) {
      pending = attempt(`Reading ${arn}`, async () => {
        const policy = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
        const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.Policy!.DefaultVersionId! }));
        return decodePolicyDocument(version.PolicyVersion?.Document);
      });
      managedCache.set(arn, pending);
    }
    return pending;
  };
  const addManaged = async (arn: string, name: string, owner: string, kind: SimulatorPolicy['kind'] = 'identity') => {
    const text = await managedText(arn);
    if (text !== undefined)
      policies.push({ id: `${kind === 'boundary' ? 'boundary' : owner}:${arn}`, kind, label: `${name} (${owner})`, text });
  };

  // Inline and attached policies of one entity.
  const entityPolicies = async (type: 'user' | 'group' | 'role', name: string) => {
    const owner = `${type} ${name}`;
    const inlineNames =
      type === 'user'
        ? ((await attempt(`Listing inline policies of ${owner}`, () =>
            collect(paginateListUserPolicies({ client: iam }, { UserName: name })),
          )) ?? [])
        : type === 'group'
          ? ((await attempt(`Listing inline policies of ${owner}`, () =>
              collect(paginateListGroupPolicies({ client: iam }, { GroupName: name })),
            )) ?? [])
          : ((await attempt(`Listing inline policies of ${owner}`, () =>
              collect(paginateListRolePolicies({ client: iam }, { RoleName: name })),
            )) ?? []);
    for (const policyName of inlineNames.flatMap((p) => p.PolicyNames ?? [])) {
      const document = await attempt(`Reading inline policy ${policyName} of ${owner}`, async () => {
        if (type === 'user') return (await iam.send(new GetUserPolicyCommand({ UserName: name, PolicyName: policyName }))).PolicyDocument;
        if (type === 'group')
          return (await iam.send(new GetGroupPolicyCommand({ GroupName: name, PolicyName: policyName }))).PolicyDocument;
        return (await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }))).PolicyDocument;
      });
      if (document !== undefined)
        policies.push({
          id: `${owner}:inline:${policyName}`,
          kind: 'identity',
          label: `${policyName} (inline, ${owner})`,
          text: decodePolicyDocument(document),
        });
    }
    const attached =
      type === 'user'
        ? await attempt(`Listing attached policies of ${owner}`, () =>
            collect(paginateListAttachedUserPolicies({ client: iam }, { UserName: name })),
          )
        : type === 'group'
          ? await attempt(`Listing attached policies of ${owner}`, () =>
              collect(paginateListAttachedGroupPolicies({ client: iam }, { GroupName: name })),
            )
          : await attempt(`Listing attached policies of ${owner}`, () =>
              collect(paginateListAttachedRolePolicies({ client: iam }, { RoleName: name })),
            );
    for (const policy of (attached ?? []).flatMap((p) => p.AttachedPolicies ?? []))
      await addManaged(policy.PolicyArn!, policy.PolicyName!, owner);
  };

  if (principal.type === 'user') {
    const user = (await iam.send(new GetUserCommand({ UserName: principal.name }))).User!;
    await entityPolicies('user', principal.name);
    const groups =
      (await attempt(`Listing groups of user ${principal.name}`, () =>
        collect(paginateListGroupsForUser({ client: iam }, { UserName: principal.name })),
      )) ?? [];
    for (const group of groups.flatMap((p) => p.Groups ?? [])) await entityPolicies('group', group.GroupName!);
    const boundary = user.PermissionsBoundary?.PermissionsBoundaryArn;
    if (boundary) await addManaged(boundary, boundary.split('/').pop()!, 'permissions boundary', 'boundary');
    return { principal, arn: user.Arn!, accountId: user.Arn!.split(':')[4], tags: tagsOf(user.Tags), policies, warnings };
  }
  if (principal.type === 'group') {
    const group = (await iam.send(new GetGroupCommand({ GroupName: principal.name, MaxItems: 1 }))).Group!;
    await entityPolicies('group', principal.name);
    return { principal, arn: group.Arn!, accountId: group.Arn!.split(':')[4], tags: {}, policies, warnings };
  }
  const role = (await iam.send(new GetRoleCommand({ RoleName: principal.name }))).Role!;
  await entityPolicies('role', principal.name);
  const boundary = role.PermissionsBoundary?.PermissionsBoundaryArn;
  if (boundary) await addManaged(boundary, boundary.split('/').pop()!, 'permissions boundary', 'boundary');
  return {
    principal,
    arn: role.Arn!,
    accountId: role.Arn!.split(':')[4],
    tags: tagsOf(role.Tags),
    policies,
    trustPolicy: decodePolicyDocument(role.AssumeRolePolicyDocument),
    warnings,
  };
}

function tagsOf(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key) out[tag.Key] = tag.Value ?? '';
  return out;
}
