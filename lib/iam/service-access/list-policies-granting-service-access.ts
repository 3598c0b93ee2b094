// ListPoliciesGrantingServiceAccess: for a user, group or role, the policies that allow each named service.
import type { PolicyGrantingServiceAccess } from '../../core/generated/iam-types';
import { InvalidInput, NoSuchEntity, ValidationError } from '../../core/errors';
import { managedPolicyDocument } from '../../authz/managed-policy-documents';
import type { PrincipalKind, Store } from '../../store/types';
import type { IamOperation } from '../../core/context';
import { decodeMarker, encodeMarker } from '../pagination';
import { allowedServiceNamespaces } from '../last-accessed/allowed-services';

interface Candidate {
  policy: PolicyGrantingServiceAccess;
  document: string;
}

const ENTITY_TYPE = { user: 'USER', group: 'GROUP', role: 'ROLE' } as const;

async function candidatesOf(store: Store, kind: PrincipalKind, id: string, name: string, out: Candidate[]): Promise<void> {
  for (const inline of await store.inlinePolicies.list(kind, id)) {
    out.push({
      policy: { PolicyName: inline.policyName, PolicyType: 'INLINE', EntityType: ENTITY_TYPE[kind], EntityName: name },
      document: inline.document,
    });
  }
  for (const attachment of await store.attachments.listForPrincipal(kind, id)) {
    const managed = await managedPolicyDocument(store, attachment.policyArn);
    if (!managed) continue;
    out.push({
      policy: { PolicyName: managed.policyName, PolicyType: 'MANAGED', PolicyArn: attachment.policyArn },
      document: managed.document,
    });
  }
}

async function candidates(store: Store, arn: string): Promise<Candidate[]> {
  const m = /^arn:[^:]+:iam::\d{12}:(user|group|role)(\/.*)?\/([^/]+)$/.exec(arn);
  if (!m) throw new InvalidInput(`ARN ${arn} is not valid: it must name an IAM user, group or role.`);
  const out: Candidate[] = [];
  const name = m[3];
  if (m[1] === 'user') {
    const user = await store.users.getByName(name);
    if (!user) throw new NoSuchEntity(`The user with name ${name} cannot be found.`);
    await candidatesOf(store, 'user', user.userId, user.userName, out);
    for (const group of await store.groups.listForUser(user.userId))
      await candidatesOf(store, 'group', group.groupId, group.groupName, out);
  } else if (m[1] === 'group') {
    const group = await store.groups.getByName(name);
    if (!group) throw new NoSuchEntity(`The group with name ${name} cannot be found.`);
    await candidatesOf(store, 'group', group.groupId, group.groupName, out);
  } else {
    const role = await store.roles.getByName(name);
    if (!role) throw new NoSuchEntity(`The role with name ${name} cannot be found.`);
    await candidatesOf(store, 'role', role.roleId, role.roleName, out);
  }
  return out;
}

/** Namespaces per page: AWS pages this operation by service namespace. */
const NAMESPACES_PER_PAGE = 20;

export const listPoliciesGrantingServiceAccess: IamOperation<'ListPoliciesGrantingServiceAccess'> = async (ctx, input) => {
  const found = await candidates(ctx.store, input.Arn);
  const namespaces = [...new Set((input.ServiceNamespaces ?? []).map((n) => n.toLowerCase()))];
  const after = decodeMarker(input.Marker);
  const start = after === undefined ? 0 : Number(after);
  if (!Number.isInteger(start) || start < 0 || start > namespaces.length) throw new ValidationError('Invalid Marker');
  const page = namespaces.slice(start, start + NAMESPACES_PER_PAGE);
  const granted = found.map((c) => ({ ...c, namespaces: new Set(allowedServiceNamespaces([c.document])) }));
  const next = start + page.length < namespaces.length ? encodeMarker(String(start + page.length)) : undefined;
  return {
    PoliciesGrantingServiceAccess: page.map((namespace) => ({
      ServiceNamespace: namespace,
      Policies: granted.filter((g) => g.namespaces.has(namespace)).map((g) => g.policy),
    })),
    IsTruncated: next !== undefined,
    Marker: next,
  };
};
