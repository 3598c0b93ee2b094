// The service-specific credential operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createServiceSpecificCredential } from './create-service-specific-credential';
import { deleteServiceSpecificCredential } from './delete-service-specific-credential';
import { listServiceSpecificCredentials } from './list-service-specific-credentials';
import { resetServiceSpecificCredential } from './reset-service-specific-credential';
import { updateServiceSpecificCredential } from './update-service-specific-credential';

export const serviceSpecificCredentialOperations: IamOperationTable = {
  CreateServiceSpecificCredential: createServiceSpecificCredential,
  ListServiceSpecificCredentials: listServiceSpecificCredentials,
  ResetServiceSpecificCredential: resetServiceSpecificCredential,
  UpdateServiceSpecificCredential: updateServiceSpecificCredential,
  DeleteServiceSpecificCredential: deleteServiceSpecificCredential,
};
