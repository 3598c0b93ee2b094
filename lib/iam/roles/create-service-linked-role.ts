// CreateServiceLinkedRole: the role an AWS service uses on the account's behalf, under /aws-service-role/.
import { InvalidInput, LimitExceeded } from '../../core/errors';
import { newUniqueId } from '../../crypto/ids';
import { isDuplicateKeyError } from '../../store/errors';
import type { RoleRecord } from '../../store/roles';
import type { IamOperation } from '../../core/context';
import { QUOTAS } from '../validation';
import { DEFAULT_MAX_SESSION_DURATION } from './create-role';
import { roleView } from './role-view';
import { managedPolicyCatalogue } from '../../core/managed-policy-catalogue';
import {
  isServicePrincipalName,
  recordedServiceLinkedRole,
  serviceLinkedRoleLabel,
  serviceLinkedRoleName,
  serviceLinkedRolePath,
  serviceLinkedTrustPolicy,
  serviceRolePolicyNameCandidates,
} from './service-linked-role-names';

/** The AWS managed policy that gives a service's linked role its permissions, when the catalogue has one. */
function serviceRolePolicyArn(serviceName: string): string | undefined {
  for (const name of serviceRolePolicyNameCandidates(serviceLinkedRoleLabel(serviceName))) {
    const arn = `arn:aws:iam::aws:policy/aws-service-role/${name}`;
    if (managedPolicyCatalogue().get(arn)) return arn;
  }
  return undefined;
}

/**
 * The role AWS creates for a service: its recorded name, path and policies where AWS was asked (a CustomSuffix
 * only where AWS accepts one), else the name and policy formed as AWS's documentation shows.
 */
function serviceLinkedRolePlan(serviceName: string, customSuffix: string | undefined) {
  const recorded = recordedServiceLinkedRole(serviceName);
  if (recorded) {
    if (customSuffix !== undefined && recorded.customSuffixRejection !== undefined) throw new InvalidInput(recorded.customSuffixRejection);
    return {
      roleName: customSuffix ? `${recorded.roleName}_${customSuffix}` : recorded.roleName,
      path: recorded.path,
      // Only policies the bundled catalogue knows (AmazonLexBotPolicy, for one, is not in it).
      policyArns: recorded.attachedPolicies.filter((arn) => managedPolicyCatalogue().get(arn) !== undefined),
    };
  }
  // AWS takes no suffix for the Application Auto Scaling roles it was asked about (cassandra., ec2.): the same for the family.
  if (customSuffix !== undefined && serviceName.endsWith('.application-autoscaling.amazonaws.com')) {
    throw new InvalidInput(`Custom suffix is not allowed for ${serviceName}`);
  }
  const policyArn = serviceRolePolicyArn(serviceName);
  return {
    roleName: serviceLinkedRoleName(serviceName, customSuffix),
    path: serviceLinkedRolePath(serviceName),
    policyArns: policyArn ? [policyArn] : [],
  };
}

export const createServiceLinkedRole: IamOperation<'CreateServiceLinkedRole'> = async (ctx, input) => {
  const { store } = ctx;
  const serviceName = input.AWSServiceName;
  if (!isServicePrincipalName(serviceName)) throw new InvalidInput(`Invalid service name: ${serviceName}`);
  const { roleName, path, policyArns } = serviceLinkedRolePlan(serviceName, input.CustomSuffix);
  if (roleName.length > 64) throw new InvalidInput(`Role name ${roleName} is longer than 64 characters.`);
  if (await store.roles.getByName(roleName)) {
    throw new InvalidInput(`Service role name ${roleName} has been taken in this account, please try a different suffix.`);
  }
  if ((await store.roles.count()) >= QUOTAS.rolesPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for RolesPerAccount: ${QUOTAS.rolesPerAccount}`);
  }
  const role: RoleRecord = {
    roleId: newUniqueId('AROA'),
    roleName,
    path,
    createDate: ctx.now.toISOString(),
    assumeRolePolicy: serviceLinkedTrustPolicy(serviceName),
    description: input.Description,
    maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
    serviceLinked: true,
  };
  try {
    await store.roles.insert(role);
  } catch (error) {
    // A concurrent writer that won the race between the check above and this insert.
    if (isDuplicateKeyError(error))
      throw new InvalidInput(`Service role name ${roleName} has been taken in this account, please try a different suffix.`);
    throw error;
  }
  // As AWS: the service's own managed policy comes attached (only the service may change it).
  for (const policyArn of policyArns) {
    await store.attachments.attach({ principalKind: 'role', principalId: role.roleId, policyArn, attachDate: role.createDate });
  }
  return { Role: roleView(ctx.principal.accountId, role) };
};
