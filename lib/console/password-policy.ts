// The account password policy as rules a person can read, from iam:GetAccountPasswordPolicy.
import 'server-only';
import { awsErrorCode } from './errors';
import { GetAccountPasswordPolicyCommand, type IAMClient, type PasswordPolicy } from '@aws-sdk/client-iam';
import { fetchGatehouseRoute, GatehouseRouteUnavailable } from './gatehouse-route';
import { iamClientFor } from './clients';
import type { ConsoleCredentials } from './principal';

/** The policy (undefined when the account has none), or the error that kept it from being read. */
export async function readPasswordPolicy(iam: IAMClient): Promise<{ policy?: PasswordPolicy; error?: unknown }> {
  try {
    const result = await iam.send(new GetAccountPasswordPolicyCommand({}));
    return { policy: result.PasswordPolicy };
  } catch (error) {
    if (awsErrorCode(error) === 'NoSuchEntity') return {};
    return { error };
  }
}

/**
 * The rules the signed-in user's own password must meet. Gatehouse answers an IAM user on its own route without
 * any IAM permission (AWS's sign-in pages show them too); elsewhere (AWS) it is iam:GetAccountPasswordPolicy.
 */
export async function readOwnPasswordPolicy(credentials: ConsoleCredentials): Promise<{ policy?: PasswordPolicy; error?: unknown }> {
  try {
    const body = await fetchGatehouseRoute<{ passwordPolicy?: PasswordPolicy | null }>('password-policy', {}, credentials);
    return { policy: body.passwordPolicy ?? undefined };
  } catch (error) {
    if (error instanceof GatehouseRouteUnavailable) return readPasswordPolicy(iamClientFor(credentials));
    return { error };
  }
}

/** The policy's requirements, one sentence each. */
export function passwordPolicyRules(policy: PasswordPolicy | undefined): string[] {
  if (!policy) {
    return [
      'The account has no password policy: at least 8 characters, with at least three of upper-case letters, lower-case letters, numbers and symbols.',
    ];
  }
  const rules = [`At least ${policy.MinimumPasswordLength ?? 6} characters.`];
  if (policy.RequireUppercaseCharacters) rules.push('At least one upper-case letter (A–Z).');
  if (policy.RequireLowercaseCharacters) rules.push('At least one lower-case letter (a–z).');
  if (policy.RequireNumbers) rules.push('At least one number (0–9).');
  if (policy.RequireSymbols) rules.push("At least one symbol: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '");
  if (policy.PasswordReusePrevention) rules.push(`Not one of your last ${policy.PasswordReusePrevention} passwords.`);
  if (policy.MaxPasswordAge) rules.push(`Expires after ${policy.MaxPasswordAge} days.`);
  return rules;
}
