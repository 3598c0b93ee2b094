// GetAccountSummary: entity counts and quotas of the account, under AWS's SummaryMap keys.
import type { IamOperation } from '../../core/context';
import type { Store } from '../../store/types';
import { QUOTAS } from '../validation';
import { globalEndpointTokenVersion } from '../sts-preferences/set-security-token-service-preferences';

/** Number of versions of every customer managed policy (AWS's PolicyVersionsInUse). */
async function policyVersionsInUse(store: Store): Promise<number> {
  const policies = store.managedPolicies;
  let total = 0;
  let after: string | undefined;
  do {
    const page = await policies.list({ after, limit: 1000 });
    for (const policy of page.items) total += (await policies.listVersions(policy.arn)).length;
    after = page.next;
  } while (after !== undefined);
  return total;
}

export const getAccountSummary: IamOperation<'GetAccountSummary'> = async (ctx) => {
  const { store } = ctx;
  const account = await store.account.get();
  const summary: Record<string, number> = {
    Users: await store.users.count(),
    UsersQuota: QUOTAS.usersPerAccount,
    Groups: await store.groups.count(),
    GroupsQuota: QUOTAS.groupsPerAccount,
    Roles: await store.roles.count(),
    RolesQuota: QUOTAS.rolesPerAccount,
    InstanceProfiles: await store.instanceProfiles.count(),
    InstanceProfilesQuota: QUOTAS.instanceProfilesPerAccount,
    Policies: await store.managedPolicies.count(),
    PoliciesQuota: QUOTAS.customerManagedPoliciesPerAccount,
    PolicySizeQuota: QUOTAS.managedPolicyBytes,
    PolicyVersionsInUse: await policyVersionsInUse(store),
    PolicyVersionsInUseQuota: 10000,
    VersionsPerPolicyQuota: QUOTAS.versionsPerPolicy,
    ServerCertificates: await store.serverCertificates.count(),
    ServerCertificatesQuota: 20,
    Providers: (await store.identityProviders.listOidc()).length + (await store.identityProviders.listSaml()).length,
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
    MFADevices: await store.mfaDevices.count(),
    MFADevicesInUse: await store.mfaDevices.countAssigned(),
    AccountMFAEnabled: account?.rootMfaSerial ? 1 : 0,
    AccountAccessKeysPresent: (await store.accessKeys.listForUser(undefined)).length > 0 ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    GlobalEndpointTokenVersion: await globalEndpointTokenVersion(store),
  };
  return { SummaryMap: summary };
};
