// The credential report operations of the IAM API, by AWS action name.
import type { Operation } from '../../core/context';
import { generateCredentialReport } from './generate-credential-report';
import { getCredentialReport } from './get-credential-report';

export const credentialReportOperations: Record<string, Operation> = {
  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
};
