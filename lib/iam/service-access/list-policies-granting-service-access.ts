// ListPoliciesGrantingServiceAccess: for a user, group or role, the policies that allow each named service.
import type { PolicyGrantingServiceAccess } from '../../core/generated/iam-types';
import { InvalidInput, NoSuchEntity, ValidationError } from '../../core/errors';
import { managedPolicyDocument } from '../../authz/managed-policy-documents';
import { resolveEntityArn } from '../../authz/entity-arn';
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

/**
 * The policies of the entity the ARN names. The ARN must be the entity's own (see resolveEntityArn: this account,
 * its path), as the request was authorized on that ARN; otherwise NoSuchEntity.
 */
async function candidates(store: Store, accountId: string, arn: string): Promise<Candidate[]> {
  const named = await resolveEntityArn(store, accountId, arn);
  if (!named) throw new InvalidInput(`ARN ${arn} is not valid: it must name an IAM user, group or role.`);
  const entity = named.entity;
  if (!entity) throw new NoSuchEntity(`The ${named.kind} with name ${named.name} cannot be found.`);
  const out: Candidate[] = [];
  await candidatesOf(store, entity.kind, entity.id, entity.name, out);
  if (entity.kind === 'user')
    for (const group of await store.groups.listForUser(entity.id)) await candidatesOf(store, 'group', group.groupId, group.groupName, out);
  return out;
}

/** Namespaces per page: AWS pages this operation by service namespace. */
const NAMESPACES_PER_PAGE = 20;

export const listPoliciesGrantingServiceAccess: IamOperation<'ListPoliciesGrantingServiceAccess'> = async (ctx, input) => {
  const found = await candidates(ctx.store, ctx.principal.accountId, input.Arn);
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
