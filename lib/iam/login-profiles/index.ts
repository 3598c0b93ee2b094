// The login profile (console password) operations of the IAM API, by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { changePassword } from './change-password';
import { createLoginProfile } from './create-login-profile';
import { deleteLoginProfile } from './delete-login-profile';
import { getLoginProfile } from './get-login-profile';
import { updateLoginProfile } from './update-login-profile';

export { verifyConsolePassword, type ConsolePasswordCheck } from './verify-console-password';

export const loginProfileOperations: IamOperationTable = {
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  ChangePassword: changePassword,
};
