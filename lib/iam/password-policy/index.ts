// The account password policy operations of the IAM API, by AWS action name, and the check other modules reuse.
import type { IamOperationTable } from '../../core/context';
import { deleteAccountPasswordPolicy } from './delete-account-password-policy';
import { getAccountPasswordPolicy } from './get-account-password-policy';
import { updateAccountPasswordPolicy } from './update-account-password-policy';

export {
  checkPassword,
  enforcePasswordPolicy,
  loadPasswordPolicy,
  passwordExpiration,
  type PasswordPolicy,
  type PasswordCheckContext,
} from './policy';

export const passwordPolicyOperations: IamOperationTable = {
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
};
