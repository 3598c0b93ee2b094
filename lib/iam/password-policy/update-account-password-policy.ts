// UpdateAccountPasswordPolicy: sets the account password policy; parameters left out take AWS's defaults.
import type { IamOperation } from '../../core/context';
import type { PasswordPolicy } from './policy';

export const updateAccountPasswordPolicy: IamOperation<'UpdateAccountPasswordPolicy'> = async (ctx, input) => {
  // The service model already bounds MinimumPasswordLength 6-128, MaxPasswordAge 1-1095, PasswordReusePrevention 1-24.
  const policy: PasswordPolicy = {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
  };
  if (input.MaxPasswordAge !== undefined) policy.MaxPasswordAge = input.MaxPasswordAge;
  if (input.PasswordReusePrevention !== undefined) policy.PasswordReusePrevention = input.PasswordReusePrevention;
  if (input.HardExpiry !== undefined) policy.HardExpiry = input.HardExpiry;
  await ctx.store.account.update({ passwordPolicy: JSON.stringify(policy) });
  return {};
};
