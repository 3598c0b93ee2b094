// GetAccountAuthorizationDetails: every user, group, role and managed policy with their policies, one paginated
// stream across the four lists (users, groups, roles, then local and attached AWS managed policies).
import type { EntityType } from '@aws-sdk/client-iam';
import { ValidationError } from '../../core/errors';
import type { Store } from '../../store/types';
import type { UncheckedIamOperation } from '../../core/context';
import { decodeMarker, encodeMarker, pageSize } from '../pagination';
import { managedPolicyCatalogue } from '../../core/managed-policy-catalogue';
import type { ManagedPolicyInfo } from '../policies/managed-policy';
import { groupDetail, managedPolicyDetail, roleDetail, userDetail } from './detail-views';

type OutputList = 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies';

/** One of the streams the response is made of, read in pages after a sort key. */
interface Section {
  filter: EntityType;
  output: OutputList;
  page(after: string | undefined, limit: number): Promise<{ items: unknown[]; next?: string }>;
}

/** Usage counts of every used policy, computed once per request. */
function usageCounts(store: Store) {
  let attachments: Map<string, number> | undefined;
  let boundaries: Map<string, number> | undefined;
  return {
    async of(arn: string) {
      attachments ??= await store.attachments.countsByPolicy();
      boundaries ??= await store.attachments.boundaryCountsByPolicy();
      return { attachmentCount: attachments.get(arn) ?? 0, boundaryUsageCount: boundaries.get(arn) ?? 0 };
    },
    async usedArns(): Promise<string[]> {
      attachments ??= await store.attachments.countsByPolicy();
      boundaries ??= await store.attachments.boundaryCountsByPolicy();
      return [...new Set([...attachments.keys(), ...boundaries.keys()])];
    },
  };
}

function sections(store: Store, accountId: string): Section[] {
  const counts = usageCounts(store);
  return [
    {
      filter: 'User',
      output: 'UserDetailList',
      async page(after, limit) {
        const page = await store.users.list({ after, limit });
        return { items: await Promise.all(page.items.map((user) => userDetail(store, accountId, user))), next: page.next };
      },
    },
    {
      filter: 'Group',
      output: 'GroupDetailList',
      async page(after, limit) {
        const page = await store.groups.list({ after, limit });
        return { items: await Promise.all(page.items.map((group) => groupDetail(store, accountId, group))), next: page.next };
      },
    },
    {
      filter: 'Role',
      output: 'RoleDetailList',
      async page(after, limit) {
        const page = await store.roles.list({ after, limit });
        return { items: await Promise.all(page.items.map((role) => roleDetail(store, accountId, role))), next: page.next };
      },
    },
    {
      filter: 'LocalManagedPolicy',
      output: 'Policies',
      async page(after, limit) {
        const page = await store.managedPolicies.list({ after, limit });
        const items = await Promise.all(
          page.items.map(async (record) => {
            const policy: ManagedPolicyInfo = { ...record, isAwsManaged: false };
            const versions = await store.managedPolicies.listVersions(record.arn);
            return managedPolicyDetail(policy, await counts.of(record.arn), versions);
          }),
        );
        return { items, next: page.next };
      },
    },
    {
      // As AWS: only the AWS managed policies that this account uses, not the whole catalogue.
      filter: 'AWSManagedPolicy',
      output: 'Policies',
      async page(after, limit) {
        const used = (await counts.usedArns())
          .map((arn) => managedPolicyCatalogue().get(arn))
          .filter((policy) => policy !== undefined)
          .map((policy) => ({ policy, key: policy.policyName.toLowerCase() }))
          .filter((entry) => after === undefined || entry.key > after)
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const items = await Promise.all(
          used.slice(0, limit).map(async ({ policy }) => {
            const created = policy.versions.find((v) => v.versionId === policy.defaultVersionId)?.createDate ?? policy.updateDate;
            // The default version only: AWS managed policies can have hundreds of versions.
            const versions = [{ versionId: policy.defaultVersionId, document: policy.document, createDate: created }];
            return managedPolicyDetail({ ...policy, isAwsManaged: true }, await counts.of(policy.arn), versions);
          }),
        );
        return { items, next: used.length > limit ? used[limit - 1].key : undefined };
      },
    },
  ];
}

/** A marker names the section to resume in and the sort key to resume after. */
interface Position {
  section: number;
  after?: string;
}

function decodePosition(marker: string | undefined, sectionCount: number): Position {
  const text = decodeMarker(marker);
  if (text === undefined) return { section: 0 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('Invalid Marker');
  }
  if (
    !Array.isArray(value) ||
    !Number.isInteger(value[0]) ||
    value[0] < 0 ||
    value[0] >= sectionCount ||
    (value[1] !== null && typeof value[1] !== 'string')
  ) {
    throw new ValidationError('Invalid Marker');
  }
  return { section: value[0], after: value[1] ?? undefined };
}

function encodePosition(position: Position): string {
  return encodeMarker(JSON.stringify([position.section, position.after ?? null]));
}

export const getAccountAuthorizationDetails: UncheckedIamOperation<'GetAccountAuthorizationDetails'> = async (ctx, input) => {
  const all = sections(ctx.store, ctx.principal.accountId);
  const filter = new Set<string>(input.Filter && input.Filter.length > 0 ? input.Filter : all.map((s) => s.filter));
  const start = decodePosition(input.Marker, all.length);
  const output: Record<OutputList, unknown[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  let budget = pageSize(input.MaxItems);
  let resume: Position | undefined;
  for (let index = start.section; index < all.length; index++) {
    const section = all[index];
    if (!filter.has(section.filter)) continue;
    const after = index === start.section ? start.after : undefined;
    if (budget === 0) {
      // The page is full: resume here only if this section (or a later one) has anything left.
      if ((await section.page(after, 1)).items.length > 0) {
        resume = { section: index, after };
        break;
      }
      continue;
    }
    const page = await section.page(after, budget);
    output[section.output].push(...page.items);
    budget -= page.items.length;
    if (page.next !== undefined) {
      resume = { section: index, after: page.next };
      break;
    }
  }
  return {
    ...output,
    IsTruncated: resume !== undefined,
    Marker: resume && encodePosition(resume),
  };
};
