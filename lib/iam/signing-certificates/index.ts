// The signing certificate operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { deleteSigningCertificate } from './delete-signing-certificate';
import { listSigningCertificates } from './list-signing-certificates';
import { updateSigningCertificate } from './update-signing-certificate';
import { uploadSigningCertificate } from './upload-signing-certificate';

export const signingCertificateOperations: IamOperationTable = {
  UploadSigningCertificate: uploadSigningCertificate,
  UpdateSigningCertificate: updateSigningCertificate,
  DeleteSigningCertificate: deleteSigningCertificate,
  ListSigningCertificates: listSigningCertificates,
};
