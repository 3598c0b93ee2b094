// checkPassword: AWS's default rules without a policy, each custom rule with one, and the derived policy view.
import { describe, expect, it } from 'vitest';
import { checkPassword, passwordExpiration, passwordPolicyView, type PasswordPolicy } from './policy';

const strict: PasswordPolicy = {
  MinimumPasswordLength: 12,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
};
const lax: PasswordPolicy = {
  ...strict,
  MinimumPasswordLength: 6,
  RequireSymbols: false,
  RequireNumbers: false,
  RequireUppercaseCharacters: false,
  RequireLowercaseCharacters: false,
};

describe('checkPassword without a custom policy (AWS default policy)', () => {
  it.each([
    ['Abcdef1!', []],
    ['abcdefg1!', []],
    ['ABCDEFG1!', []],
    ['ABCDEFG12', ['Password should have at least three of the following: uppercase letters, lowercase letters, numbers, symbols']],
    ['Abc1!', ['Password should have a minimum length of 8']],
    ['abcdefgh', ['Password should have at least three of the following: uppercase letters, lowercase letters, numbers, symbols']],
    ['abcdefg1', ['Password should have at least three of the following: uppercase letters, lowercase letters, numbers, symbols']],
    [
      'ab1',
      [
        'Password should have a minimum length of 8',
        'Password should have at least three of the following: uppercase letters, lowercase letters, numbers, symbols',
      ],
    ],
  ])('%s → %j', (password, expected) => {
    expect(checkPassword(password, undefined)).toEqual(expected);
  });

  it('refuses the account name or email, ignoring case', () => {
    const context = { accountName: 'My-Account-1', accountEmail: 'Root@Example.com' };
    expect(checkPassword('my-account-1', undefined, context)).toContain(
      'Password should not be identical to the account name or email address',
    );
    expect(checkPassword('ROOT@EXAMPLE.COM', undefined, context)).toContain(
      'Password should not be identical to the account name or email address',
    );
    expect(checkPassword('Other-Account-1', undefined, context)).toEqual([]);
  });

  it('counts only AWS symbols as symbols', () => {
    // `.` and `~` are not in AWS's symbol list: two kinds only.
    expect(checkPassword('abcdefg.~', undefined)).toHaveLength(1);
    expect(checkPassword("abcdefg'1", undefined)).toEqual([]);
  });
});

describe('checkPassword with a custom policy', () => {
  it.each([
    ['Abcdefghij1!', []],
    ['Abcdefghi1!', ['Password should have a minimum length of 12']],
    ['abcdefghij1!', ['Password should have at least one uppercase letter']],
    ['ABCDEFGHIJ1!', ['Password should have at least one lowercase letter']],
    ['Abcdefghijk!', ['Password should have at least one number']],
    ['Abcdefghijk1', ['Password should have at least one symbol']],
    [
      'abc',
      [
        'Password should have a minimum length of 12',
        'Password should have at least one uppercase letter',
        'Password should have at least one number',
        'Password should have at least one symbol',
      ],
    ],
  ])('strict: %s → %j', (password, expected) => {
    expect(checkPassword(password, strict)).toEqual(expected);
  });

  it('replaces the default rules: a 6-character lower-case password passes a lax policy', () => {
    expect(checkPassword('abcdef', lax)).toEqual([]);
    expect(checkPassword('abcde', lax)).toEqual(['Password should have a minimum length of 6']);
  });
});

describe('policy view and expiry', () => {
  it('derives ExpirePasswords from MaxPasswordAge and omits unset fields', () => {
    expect(passwordPolicyView(lax)).toMatchObject({ ExpirePasswords: false, MaxPasswordAge: undefined, HardExpiry: undefined });
    expect(passwordPolicyView({ ...lax, MaxPasswordAge: 90, HardExpiry: true })).toMatchObject({
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      HardExpiry: true,
    });
  });

  it('expires a password MaxPasswordAge days after it was set', () => {
    expect(passwordExpiration('2026-01-01T00:00:00.000Z', { ...lax, MaxPasswordAge: 30 })?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(passwordExpiration('2026-01-01T00:00:00.000Z', lax)).toBeUndefined();
    expect(passwordExpiration(undefined, { ...lax, MaxPasswordAge: 30 })).toBeUndefined();
  });
});
