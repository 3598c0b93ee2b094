// GenerateOrganizationsAccessReport: Gatehouse accounts belong to no AWS organization, so IAM's answer is the
// one it gives a standalone account: no organization is associated with the account.
import { OrganizationNotFound } from '../../core/errors';
import type { IamOperation } from '../../core/context';

export const generateOrganizationsAccessReport: IamOperation<'GenerateOrganizationsAccessReport'> = async () => {
  throw new OrganizationNotFound('The request was rejected because no organization is associated with your account.');
};
