// GetAccountSummary: entity counts and quotas of the account, under AWS's SummaryMap keys.
import type { IamOperation } from '../../core/context';
import type { Store } from '../../store/types';
import { QUOTAS } from '../validation';
import { globalEndpointTokenVersion } from '../sts-preferences/set-security-token-service-preferences';

/** Number of versions of every customer managed policy (AWS's PolicyVersionsInUse). */
function policyVersionsInUse(store: Store): number {
  const policies = store.managedPolicies;
  let total = 0;
  let after: string | undefined;
  do {
    const page = policies.list({ after, limit: 1000 });
    for (const policy of page.items) total += policies.listVersions(policy.arn).length;
    after = page.next;
  } while (after !== undefined);
  return total;
}

export const getAccountSummary: IamOperation<'GetAccountSummary'> = async (ctx) => {
  const { store } = ctx;
  const account = store.account.get();
  const summary: Record<string, number> = {
    Users: store.users.count(),
    UsersQuota: QUOTAS.usersPerAccount,
    Groups: store.groups.count(),
    GroupsQuota: QUOTAS.groupsPerAccount,
    Roles: store.roles.count(),
    RolesQuota: QUOTAS.rolesPerAccount,
    InstanceProfiles: store.instanceProfiles.count(),
    InstanceProfilesQuota: QUOTAS.instanceProfilesPerAccount,
    Policies: store.managedPolicies.count(),
    PoliciesQuota: QUOTAS.customerManagedPoliciesPerAccount,
    PolicySizeQuota: QUOTAS.managedPolicyBytes,
    PolicyVersionsInUse: policyVersionsInUse(store),
    PolicyVersionsInUseQuota: 10000,
    VersionsPerPolicyQuota: QUOTAS.versionsPerPolicy,
    ServerCertificates: store.serverCertificates.count(),
    ServerCertificatesQuota: 20,
    Providers: store.identityProviders.listOidc().length + store.identityProviders.listSaml().length,
    UserPolicySizeQuota: QUOTAS.inlinePolicyBytes.user,
    GroupPolicySizeQuota: QUOTAS.inlinePolicyBytes.group,
    RolePolicySizeQuota: QUOTAS.inlinePolicyBytes.role,
    AssumeRolePolicySizeQuota: QUOTAS.trustPolicyBytes,
    GroupsPerUserQuota: QUOTAS.groupsPerUser,
    SigningCertificatesPerUserQuota: 2,
    AccessKeysPerUserQuota: QUOTAS.accessKeysPerUser,
    AttachedPoliciesPerUserQuota: QUOTAS.managedPoliciesPerPrincipal,
    AttachedPoliciesPerGroupQuota: QUOTAS.managedPoliciesPerPrincipal,
    AttachedPoliciesPerRoleQuota: QUOTAS.managedPoliciesPerPrincipal,
    MFADevices: store.mfaDevices.count(),
    MFADevicesInUse: store.mfaDevices.countAssigned(),
    AccountMFAEnabled: account?.rootMfaSerial ? 1 : 0,
    AccountAccessKeysPresent: store.accessKeys.listForUser(undefined).length > 0 ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    GlobalEndpointTokenVersion: globalEndpointTokenVersion(store),
  };
  return { SummaryMap: summary };
};
