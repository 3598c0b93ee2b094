// CreateServiceSpecificCredential: a user name and password for CodeCommit or Keyspaces; the password is shown once.
import { LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireUser } from '../users/require-user';
import {
  CREDENTIALS_PER_SERVICE,
  newServiceCredentialId,
  newServicePassword,
  requireSupportedService,
  serviceCredentialMetadata,
  type ServiceCredentialData,
} from './service-credential-view';

export const createServiceSpecificCredential: IamOperation<'CreateServiceSpecificCredential'> = async (ctx, input) => {
  const user = await requireUser(ctx.store, input.UserName);
  const serviceName = input.ServiceName;
  requireSupportedService(serviceName);
  const existing = (await ctx.store.userCredentials.listForUser<ServiceCredentialData>('service-specific-credential', user.userId)).filter(
    (c) => c.data.serviceName === serviceName,
  );
  if (existing.length >= CREDENTIALS_PER_SERVICE) {
    throw new LimitExceeded(`Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: ${CREDENTIALS_PER_SERVICE}`);
  }
  const password = newServicePassword();
  const record = {
    kind: 'service-specific-credential' as const,
    credentialId: newServiceCredentialId(),
    userId: user.userId,
    status: 'Active' as const,
    createDate: ctx.now.toISOString(),
    data: { serviceName, serviceUserName: `${user.userName}-at-${ctx.principal.accountId}`, passwordSealed: ctx.secrets.encrypt(password) },
  };
  await ctx.store.userCredentials.insert(record);
  return { ServiceSpecificCredential: { ...serviceCredentialMetadata(user.userName, record), ServicePassword: password } };
};
