// The account operations of the IAM API (aliases and summary), by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createAccountAlias } from './create-account-alias';
import { deleteAccountAlias } from './delete-account-alias';
import { getAccountSummary } from './get-account-summary';
import { listAccountAliases } from './list-account-aliases';

export const accountOperations: IamOperationTable = {
  CreateAccountAlias: createAccountAlias,
  DeleteAccountAlias: deleteAccountAlias,
  ListAccountAliases: listAccountAliases,
  GetAccountSummary: getAccountSummary,
};
