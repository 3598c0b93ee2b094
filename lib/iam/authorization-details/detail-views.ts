// The detail elements of GetAccountAuthorizationDetails: users, groups and roles with all their policies,
// and managed policies with their versions.
import type { Store } from '../../store/types';
import type { GroupRecord } from '../../store/groups';
import type { PrincipalKind } from '../../store/policies';
import type { RoleRecord } from '../../store/roles';
import type { UserRecord } from '../../store/users';
import { entityArn } from '../arn';
import { instanceProfileView } from '../instance-profiles/instance-profile-view';
import { attachedPolicies } from '../policies/attach-policy';
import type { ManagedPolicyInfo } from '../policies/managed-policy';
import { boundaryView, roleArn, roleLastUsedView } from '../roles/role-view';

async function inlinePolicyList(store: Store, kind: PrincipalKind, principalId: string) {
  return (await store.inlinePolicies.list(kind, principalId)).map((policy) => ({
    PolicyName: policy.policyName,
    PolicyDocument: policy.document,
  }));
}

async function attachedManagedPolicies(store: Store, kind: PrincipalKind, principalId: string) {
  return (await attachedPolicies(store, kind, principalId)).map((policy) => ({
    PolicyName: policy.policyName,
    PolicyArn: policy.policyArn,
  }));
}

function tagsOrUndefined<T>(tags: T[]): T[] | undefined {
  return tags.length > 0 ? tags : undefined;
}

/** AWS's `UserDetail`: the user with its groups, inline and attached policies, boundary and tags. */
export async function userDetail(store: Store, accountId: string, user: UserRecord) {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: entityArn(accountId, 'user', user.path, user.userName),
    CreateDate: user.createDate,
    UserPolicyList: await inlinePolicyList(store, 'user', user.userId),
    GroupList: (await store.groups.listForUser(user.userId)).map((group) => group.groupName),
    AttachedManagedPolicies: await attachedManagedPolicies(store, 'user', user.userId),
    PermissionsBoundary: boundaryView(user.permissionsBoundaryArn),
    Tags: tagsOrUndefined(await store.tags.list('user', user.userId)),
  };
}

/** AWS's `GroupDetail`: the group with its inline and attached policies. */
export async function groupDetail(store: Store, accountId: string, group: GroupRecord) {
  return {
    Path: group.path,
    GroupName: group.groupName,
    GroupId: group.groupId,
    Arn: entityArn(accountId, 'group', group.path, group.groupName),
    CreateDate: group.createDate,
    GroupPolicyList: await inlinePolicyList(store, 'group', group.groupId),
    AttachedManagedPolicies: await attachedManagedPolicies(store, 'group', group.groupId),
  };
}

/** AWS's `RoleDetail`: the role with its trust policy, instance profiles, policies, boundary, tags and last use. */
export async function roleDetail(store: Store, accountId: string, role: RoleRecord) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: roleArn(accountId, role),
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: role.assumeRolePolicy,
    InstanceProfileList: await Promise.all(
      (await store.instanceProfiles.listForRole(role.roleId)).map((profile) => instanceProfileView(store, accountId, profile)),
    ),
    RolePolicyList: await inlinePolicyList(store, 'role', role.roleId),
    AttachedManagedPolicies: await attachedManagedPolicies(store, 'role', role.roleId),
    PermissionsBoundary: boundaryView(role.permissionsBoundaryArn),
    Tags: tagsOrUndefined(await store.tags.list('role', role.roleId)),
    RoleLastUsed: roleLastUsedView(role),
  };
}

/** One entry of `PolicyVersionList`. */
export interface PolicyVersionDetail {
  versionId: string;
  document: string;
  createDate: string;
}

/** AWS's `ManagedPolicyDetail`: the policy, its usage counts and its versions with their documents. */
export function managedPolicyDetail(
  policy: ManagedPolicyInfo,
  counts: { attachmentCount: number; boundaryUsageCount: number },
  versions: PolicyVersionDetail[],
) {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: counts.attachmentCount,
    PermissionsBoundaryUsageCount: counts.boundaryUsageCount,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    PolicyVersionList: versions.map((version) => ({
      Document: version.document,
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: version.createDate,
    })),
  };
}
