// ResetServiceSpecificCredential: a new password for an existing credential, shown once.
import type { IamOperation } from '../../core/context';
import { credentialOwner, newServicePassword, requireServiceCredential, serviceCredentialMetadata } from './service-credential-view';

export const resetServiceSpecificCredential: IamOperation<'ResetServiceSpecificCredential'> = async (ctx, input) => {
  const owner = await credentialOwner(ctx, input.UserName);
  const credential = await requireServiceCredential(ctx, owner.userId, input.ServiceSpecificCredentialId);
  const password = newServicePassword();
  const data = { ...credential.data, passwordSealed: ctx.secrets.encrypt(password) };
  await ctx.store.userCredentials.setData('service-specific-credential', credential.credentialId, data);
  return {
    ServiceSpecificCredential: { ...serviceCredentialMetadata(owner.userName, { ...credential, data }), ServicePassword: password },
  };
};
