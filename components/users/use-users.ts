'use client';
// Query hooks and keys of the users section: every read is a server action (the principal's own IAM calls).
import { useActionQuery } from '@/components/ui/query';
import { getLoginProfile } from '@/lib/console/actions/users/get-login-profile';
import { getUser } from '@/lib/console/actions/users/get-user';
import { getUserPermissions } from '@/lib/console/actions/users/get-user-permissions';
import { listAccessKeys } from '@/lib/console/actions/users/list-access-keys';
import { listGroups } from '@/lib/console/actions/users/list-groups';
import { listGroupsForUser } from '@/lib/console/actions/users/list-groups-for-user';
import { listMfaDevices } from '@/lib/console/actions/users/list-mfa-devices';
import { listPolicies } from '@/lib/console/actions/users/list-policies';
import { listUserTags } from '@/lib/console/actions/users/list-user-tags';
import { listUsers, type UserRow } from '@/lib/console/actions/users/list-users';

/** Query keys: `['users', prefix]` for lists, `['user', name, part]` for one user's details. */
export const userKeys = {
  lists: ['users'] as const,
  list: (prefix: string) => ['users', prefix] as const,
  user: (name: string) => ['user', name] as const,
  part: (name: string, part: string) => ['user', name, part] as const,
  groups: ['groups-all'] as const,
  policies: ['policies-all'] as const,
};

/** Every user under `prefix` (`''` = all), every page. */
export function useUsers(prefix: string, options: { placeholder?: { users: UserRow[] }; initial?: { users: UserRow[] } } = {}) {
  return useActionQuery(
    userKeys.list(prefix),
    listUsers,
    { pathPrefix: prefix || undefined },
    { placeholderData: options.placeholder, initialData: options.initial },
  );
}

export const useUser = (name: string) => useActionQuery(userKeys.part(name, 'user'), getUser, { userName: name });
export const useUserGroups = (name: string) => useActionQuery(userKeys.part(name, 'groups'), listGroupsForUser, { userName: name });
export const useUserPermissions = (name: string) =>
  useActionQuery(userKeys.part(name, 'permissions'), getUserPermissions, { userName: name });
export const useUserTags = (name: string) => useActionQuery(userKeys.part(name, 'tags'), listUserTags, { userName: name });
export const useAccessKeys = (name: string) => useActionQuery(userKeys.part(name, 'access-keys'), listAccessKeys, { userName: name });
export const useLoginProfile = (name: string) => useActionQuery(userKeys.part(name, 'login-profile'), getLoginProfile, { userName: name });
export const useMfaDevices = (name: string) => useActionQuery(userKeys.part(name, 'mfa'), listMfaDevices, { userName: name });
export const useAllGroups = (enabled = true) => useActionQuery(userKeys.groups, listGroups, {}, { enabled });
export const useAllPolicies = (enabled = true) => useActionQuery(userKeys.policies, listPolicies, { scope: 'All' }, { enabled });
