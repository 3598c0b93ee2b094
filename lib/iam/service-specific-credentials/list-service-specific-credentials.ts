// ListServiceSpecificCredentials: a user's (or the caller's) service-specific credentials, optionally of one service.
import type { IamOperation } from '../../core/context';
import { resolveKeyOwner } from '../access-keys/key-owner';
import { requireSupportedService, serviceCredentialMetadata, type ServiceCredentialData } from './service-credential-view';

export const listServiceSpecificCredentials: IamOperation<'ListServiceSpecificCredentials'> = async (ctx, input) => {
  if (input.ServiceName !== undefined) requireSupportedService(input.ServiceName);
  const owner = await resolveKeyOwner(ctx, input.UserName);
  if (owner.userId === undefined) return { ServiceSpecificCredentials: [] };
  const credentials = (
    await ctx.store.userCredentials.listForUser<ServiceCredentialData>('service-specific-credential', owner.userId)
  ).filter((c) => input.ServiceName === undefined || c.data.serviceName === input.ServiceName);
  return { ServiceSpecificCredentials: credentials.map((c) => serviceCredentialMetadata(owner.userName!, c)) };
};
