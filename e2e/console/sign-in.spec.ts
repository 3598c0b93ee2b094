// Signing in the three ways, a wrong password, sign-out, and what the browser can see of a session.
import { expect, test } from './test';
import { MAIN_PORT } from './ports';
import {
  ACCOUNT_ID,
  ADMIN_KEYS,
  adminIam,
  chooseMode,
  createConsoleUser,
  expectDashboard,
  ROOT_EMAIL,
  signInAsRoot,
  signInAsUser,
  signInWithKeys,
} from './helpers';

test('the root user signs in with e-mail and password', async ({ page }) => {
  await signInAsRoot(page);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:root`);
  await expect(page.getByText('Root user', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('header-account')).toContainText(ACCOUNT_ID);
  await expect(page.getByTestId('header-endpoint')).toHaveText(`http://127.0.0.1:${MAIN_PORT}/aws`);
  await expect(page.getByTestId('account-summary')).toBeVisible();
});

test('an IAM user signs in at the account sign-in URL, which pre-fills the account', async ({ page }) => {
  const { userName, password } = await createConsoleUser(adminIam());
  await signInAsUser(page, userName, password);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
  await expect(page.getByText('IAM user', { exact: true }).first()).toBeVisible();
});

test('access keys sign in after sts:GetCallerIdentity, and the browser never sees the credentials', async ({ page }) => {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  const session = await page.evaluate(async () => (await fetch('/api/auth/session')).text());
  expect(JSON.parse(session).principal.arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  expect(session).not.toMatch(/secretAccessKey|sessionToken|accessKeyId/i);
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name.startsWith('next-auth.session-token'));
  expect(sessionCookie?.httpOnly).toBe(true);
  expect(sessionCookie?.sameSite).toBe('Lax');
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
  expect(await page.content()).not.toContain('"secretAccessKey"');
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
  await page.goto('/sign-in');
  await chooseMode(page, 'Root user');
  await page.getByLabel('Root user e-mail address').fill(ROOT_EMAIL);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your authentication information is incorrect. Please try again.');
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto('/sign-in');
  await chooseMode(page, 'Access keys');
  await page.getByLabel('Access key ID').fill('AKIAIOSFODNN7EXAMPLE');
  await page.getByLabel('Secret access key').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your authentication information is incorrect. Please try again.');
});

test('signing out ends the session', async ({ page }) => {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
  expect(session).toEqual({});
});

test('pages carry a strict CSP and anti-framing headers', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  // The page works under that policy: its scripts carry the nonce and hydrate (the mode switch reacts).
  await chooseMode(page, 'Access keys');
  await expect(page.getByLabel('Access key ID')).toBeVisible();
});

test('repeated failures are slowed down', async ({ page }) => {
  const { userName } = await createConsoleUser(adminIam());
  await page.goto(`/sign-in/${ACCOUNT_ID}`);
  const alert = page.getByRole('main').getByRole('alert');
  let throttled = false;
  for (let attempt = 0; attempt < 8 && !throttled; attempt++) {
    await page.getByLabel('IAM user name').fill(userName);
    await page.getByLabel('Password', { exact: true }).fill(`wrong-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    throttled = /Too many failed sign-in attempts/.test((await alert.textContent()) ?? '');
  }
  expect(throttled).toBe(true);
  await expect(alert).toHaveText(/Too many failed sign-in attempts\. Try again in \d+ seconds\./);
});
