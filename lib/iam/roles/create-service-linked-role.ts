// CreateServiceLinkedRole: the role an AWS service uses on the account's behalf, under /aws-service-role/.
import type { CreateServiceLinkedRoleRequest } from '@aws-sdk/client-iam';
import { InvalidInput, LimitExceeded } from '../../protocol/errors';
import { newUniqueId } from '../../crypto/ids';
import type { RoleRecord } from '../../store/roles';
import type { Operation } from '../context';
import { QUOTAS } from '../validation';
import { DEFAULT_MAX_SESSION_DURATION } from './create-role';
import { roleView } from './role-view';
import {
  isServicePrincipalName,
  serviceLinkedRoleName,
  serviceLinkedRolePath,
  serviceLinkedTrustPolicy,
} from './service-linked-role-names';

export const createServiceLinkedRole: Operation<CreateServiceLinkedRoleRequest> = (ctx, input) => {
  const { store } = ctx;
  const serviceName = input.AWSServiceName!;
  if (!isServicePrincipalName(serviceName)) throw new InvalidInput(`Invalid service name: ${serviceName}`);
  const roleName = serviceLinkedRoleName(serviceName, input.CustomSuffix);
  if (roleName.length > 64) throw new InvalidInput(`Role name ${roleName} is longer than 64 characters.`);
  if (store.roles.getByName(roleName)) {
    throw new InvalidInput(`Service role name ${roleName} has been taken in this account, please try a different suffix.`);
  }
  if (store.roles.count() >= QUOTAS.rolesPerAccount) {
    throw new LimitExceeded(`Cannot exceed quota for RolesPerAccount: ${QUOTAS.rolesPerAccount}`);
  }
  const role: RoleRecord = {
    roleId: newUniqueId('AROA'),
    roleName,
    path: serviceLinkedRolePath(serviceName),
    createDate: ctx.now.toISOString(),
    assumeRolePolicy: serviceLinkedTrustPolicy(serviceName),
    description: input.Description,
    maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
    serviceLinked: true,
  };
  store.roles.insert(role);
  return { Role: roleView(ctx.principal.accountId, role) };
};
