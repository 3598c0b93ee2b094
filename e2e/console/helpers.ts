// Shared pieces of the console specs: the SDK as the admin (test/test), sign-in steps, MFA codes.
import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { expect, type Page } from '@playwright/test';
import { streamed } from './test';
import { MAIN_PORT } from './ports';
import * as OTPAuth from 'otpauth';

export const ACCOUNT_ID = '123456789012';
export const ROOT_EMAIL = 'root@example.com';
export const ROOT_PASSWORD = 'Root-Passw0rd!';
export const ADMIN_KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The admin's IAM client against the console's embedded endpoint. */
export function adminIam(port = MAIN_PORT): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}/aws`, credentials: ADMIN_KEYS });
}

/** A name no other test uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Creates an IAM user with a console password (and optionally a forced reset). */
export async function createConsoleUser(iam: IAMClient, options: { path?: string; resetRequired?: boolean } = {}) {
  const userName = unique('e2e-user');
  const password = 'Str0ng-Passw0rd!';
  await iam.send(new CreateUserCommand({ UserName: userName, Path: options.path }));
  await iam.send(
    new CreateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: options.resetRequired ?? false }),
  );
  return { userName, password };
}

/** Creates an access key for a user. */
export async function createAccessKey(iam: IAMClient, userName: string) {
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
}

/** The TOTP code of a base32 seed for the 30-second step `offset` steps from now. */
export function totp(seedBase32: string, offset = 0): string {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(seedBase32), digits: 6, period: 30, algorithm: 'SHA1' });
  return generator.generate({ timestamp: Date.now() + offset * 30_000 });
}

/** Picks a sign-in mode on the sign-in page. */
export async function chooseMode(page: Page, mode: 'Root user' | 'IAM user' | 'Access keys') {
  await page.getByText(mode, { exact: true }).click();
}

export async function signInAsRoot(page: Page, password = ROOT_PASSWORD) {
  await page.goto('/sign-in');
  await chooseMode(page, 'Root user');
  await page.getByLabel('Root user e-mail address').fill(ROOT_EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAsUser(page: Page, userName: string, password: string) {
  await page.goto(`/sign-in/${ACCOUNT_ID}`);
  await expect(page.getByLabel('Account ID (12 digits) or account alias')).toHaveValue(ACCOUNT_ID);
  await page.getByLabel('IAM user name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInWithKeys(page: Page, keys: { accessKeyId: string; secretAccessKey: string }) {
  await page.goto('/sign-in');
  await chooseMode(page, 'Access keys');
  await page.getByLabel('Access key ID').fill(keys.accessKeyId);
  await page.getByLabel('Secret access key').fill(keys.secretAccessKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the dashboard of a signed-in principal. */
export async function expectDashboard(page: Page, principalArn: string) {
  await expect(page.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  // Signing in ends in a full page load of the dashboard, whose sections stream in.
  await streamed(page);
  await expect(page.getByTestId('header-principal')).toHaveText(principalArn);
}
