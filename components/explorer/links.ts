// Where the explorer links to: the console pages of users, groups, roles and managed policies.
import type { EntityRef } from '@/lib/explorer/types';

/** The console page of a user, group or role. */
export function entityHref(ref: EntityRef): string {
  return `/${ref.type}s/${encodeURIComponent(ref.name)}`;
}

/** The console page of a managed policy. */
export function policyHref(arn: string): string {
  return `/policies/detail?arn=${encodeURIComponent(arn)}`;
}
