// The SSH public key operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { deleteSSHPublicKey } from './delete-ssh-public-key';
import { getSSHPublicKey } from './get-ssh-public-key';
import { listSSHPublicKeys } from './list-ssh-public-keys';
import { updateSSHPublicKey } from './update-ssh-public-key';
import { uploadSSHPublicKey } from './upload-ssh-public-key';

export const sshPublicKeyOperations: IamOperationTable = {
  UploadSSHPublicKey: uploadSSHPublicKey,
  GetSSHPublicKey: getSSHPublicKey,
  UpdateSSHPublicKey: updateSSHPublicKey,
  DeleteSSHPublicKey: deleteSSHPublicKey,
  ListSSHPublicKeys: listSSHPublicKeys,
};
