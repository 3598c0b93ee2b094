// UpdateServiceSpecificCredential: activates or deactivates a service-specific credential.
import type { IamOperation } from '../../core/context';
import { credentialOwner, requireServiceCredential } from './service-credential-view';

export const updateServiceSpecificCredential: IamOperation<'UpdateServiceSpecificCredential'> = async (ctx, input) => {
  const owner = await credentialOwner(ctx, input.UserName);
  const credential = await requireServiceCredential(ctx, owner.userId, input.ServiceSpecificCredentialId);
  await ctx.store.userCredentials.setStatus('service-specific-credential', credential.credentialId, input.Status as 'Active' | 'Inactive');
  return {};
};
