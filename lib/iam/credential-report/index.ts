// The credential report operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { generateCredentialReport } from './generate-credential-report';
import { getCredentialReport } from './get-credential-report';

export const credentialReportOperations: IamOperationTable = {
  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
};
