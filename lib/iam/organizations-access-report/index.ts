// The AWS Organizations access report operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { generateOrganizationsAccessReport } from './generate-organizations-access-report';
import { getOrganizationsAccessReport } from './get-organizations-access-report';

export const organizationsAccessReportOperations: IamOperationTable = {
  GenerateOrganizationsAccessReport: generateOrganizationsAccessReport,
  GetOrganizationsAccessReport: getOrganizationsAccessReport,
};
