// The server certificate operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { deleteServerCertificate } from './delete-server-certificate';
import { getServerCertificate } from './get-server-certificate';
import { listServerCertificates } from './list-server-certificates';
import { tagServerCertificate } from './tag-server-certificate';
import { untagServerCertificate } from './untag-server-certificate';
import { listServerCertificateTags } from './list-server-certificate-tags';
import { updateServerCertificate } from './update-server-certificate';
import { uploadServerCertificate } from './upload-server-certificate';

export const serverCertificateOperations: IamOperationTable = {
  UploadServerCertificate: uploadServerCertificate,
  GetServerCertificate: getServerCertificate,
  UpdateServerCertificate: updateServerCertificate,
  DeleteServerCertificate: deleteServerCertificate,
  ListServerCertificates: listServerCertificates,
  TagServerCertificate: tagServerCertificate,
  UntagServerCertificate: untagServerCertificate,
  ListServerCertificateTags: listServerCertificateTags,
};
