// DeleteServiceSpecificCredential: removes a service-specific credential of a user (or of the caller).
import type { IamOperation } from '../../core/context';
import { credentialOwner, requireServiceCredential } from './service-credential-view';

export const deleteServiceSpecificCredential: IamOperation<'DeleteServiceSpecificCredential'> = async (ctx, input) => {
  const owner = await credentialOwner(ctx, input.UserName);
  const credential = await requireServiceCredential(ctx, owner.userId, input.ServiceSpecificCredentialId);
  await ctx.store.userCredentials.delete('service-specific-credential', credential.credentialId);
  return {};
};
