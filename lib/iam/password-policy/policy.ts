// The account password policy: its stored form, AWS's defaults, and the pure check every password set goes through.
import { PasswordPolicyViolation } from '../../core/errors';
import type { Store } from '../../store/types';

/** AWS's `PasswordPolicy` as stored in `account.passwordPolicy` (fields not set are absent). */
export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/** Context for checks that compare the password with facts of the account. */
export interface PasswordCheckContext {
  /** The account name (Gatehouse: the account alias, else the account ID). */
  accountName?: string;
  accountEmail?: string;
}

/** The non-alphanumeric characters AWS counts as symbols. */
export const PASSWORD_SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

/** AWS's default rules, applied when the account has no custom policy: 8 characters, three of four kinds. */
export const DEFAULT_MINIMUM_PASSWORD_LENGTH = 8;

const hasUppercase = (p: string) => /[A-Z]/.test(p);
const hasLowercase = (p: string) => /[a-z]/.test(p);
const hasNumber = (p: string) => /[0-9]/.test(p);
const hasSymbol = (p: string) => [...p].some((c) => PASSWORD_SYMBOLS.includes(c));

/**
 * The rules a password breaks, in AWS's PasswordPolicyViolation wording; empty when it is acceptable.
 * Without a policy, AWS's default policy applies. Pure: reuse of earlier passwords is checked separately.
 */
export function checkPassword(password: string, policy: PasswordPolicy | undefined, context: PasswordCheckContext = {}): string[] {
  const violations: string[] = [];
  if (!policy) {
    if (password.length < DEFAULT_MINIMUM_PASSWORD_LENGTH) {
      violations.push(`Password should have a minimum length of ${DEFAULT_MINIMUM_PASSWORD_LENGTH}`);
    }
    const kinds = [hasUppercase, hasLowercase, hasNumber, hasSymbol].filter((has) => has(password)).length;
    if (kinds < 3) {
      violations.push('Password should have at least three of the following: uppercase letters, lowercase letters, numbers, symbols');
    }
    const same = (other: string | undefined) => other !== undefined && other !== '' && password.toLowerCase() === other.toLowerCase();
    if (same(context.accountName) || same(context.accountEmail)) {
      violations.push('Password should not be identical to the account name or email address');
    }
    return violations;
  }
  if (password.length < policy.MinimumPasswordLength) {
    violations.push(`Password should have a minimum length of ${policy.MinimumPasswordLength}`);
  }
  if (policy.RequireUppercaseCharacters && !hasUppercase(password)) violations.push('Password should have at least one uppercase letter');
  if (policy.RequireLowercaseCharacters && !hasLowercase(password)) violations.push('Password should have at least one lowercase letter');
  if (policy.RequireNumbers && !hasNumber(password)) violations.push('Password should have at least one number');
  if (policy.RequireSymbols && !hasSymbol(password)) violations.push('Password should have at least one symbol');
  return violations;
}

/** The account's custom password policy, if one is set. */
export async function loadPasswordPolicy(store: Store): Promise<PasswordPolicy | undefined> {
  const stored = (await store.account.get())?.passwordPolicy;
  return stored ? (JSON.parse(stored) as PasswordPolicy) : undefined;
}

/** The context of `checkPassword` for this account. */
export async function passwordCheckContext(store: Store): Promise<PasswordCheckContext> {
  const account = await store.account.get();
  return { accountName: (await store.account.listAliases())[0] ?? account?.accountId, accountEmail: account?.rootEmail };
}

/** Throws PasswordPolicyViolation when `password` breaks the account's policy (or AWS's default one). */
export async function enforcePasswordPolicy(store: Store, password: string): Promise<PasswordPolicy | undefined> {
  const policy = await loadPasswordPolicy(store);
  const violations = checkPassword(password, policy, await passwordCheckContext(store));
  if (violations.length > 0) throw new PasswordPolicyViolation(violations.join('; '));
  return policy;
}

/** The reuse-prevention message. */
export function reuseViolation(count: number): string {
  return `Password should not be one of the last ${count} passwords used`;
}

/** When a password set at `changedDate` expires under the policy; undefined when passwords do not expire. */
export function passwordExpiration(changedDate: string | undefined, policy: PasswordPolicy | undefined): Date | undefined {
  if (!changedDate || !policy?.MaxPasswordAge) return undefined;
  return new Date(new Date(changedDate).getTime() + policy.MaxPasswordAge * 86_400_000);
}

/** AWS's `PasswordPolicy` response element: the stored policy plus the derived `ExpirePasswords`. */
export function passwordPolicyView(policy: PasswordPolicy) {
  return {
    MinimumPasswordLength: policy.MinimumPasswordLength,
    RequireSymbols: policy.RequireSymbols,
    RequireNumbers: policy.RequireNumbers,
    RequireUppercaseCharacters: policy.RequireUppercaseCharacters,
    RequireLowercaseCharacters: policy.RequireLowercaseCharacters,
    AllowUsersToChangePassword: policy.AllowUsersToChangePassword,
    ExpirePasswords: (policy.MaxPasswordAge ?? 0) > 0,
    MaxPasswordAge: policy.MaxPasswordAge,
    PasswordReusePrevention: policy.PasswordReusePrevention,
    HardExpiry: policy.HardExpiry,
  };
}
