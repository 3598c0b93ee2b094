// The shell: keyboard first (skip link, current page marked), the theme persists, and the account alias set on
// the account page becomes the account's sign-in address.
import { DeleteAccountAliasCommand, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { expect, test } from './test';
import { MAIN_PORT } from './ports';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, createConsoleUser, expectDashboard, signInWithKeys } from './helpers';

test.afterEach(async () => {
  const iam = adminIam();
  for (const alias of (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases ?? []) {
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
  }
});

test('keyboard: the skip link comes first and the current page is marked', async ({ page }) => {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('the theme choice persists across reloads', async ({ page }) => {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  const wasDark = (await toggle.getAttribute('aria-pressed')) === 'true';
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', wasDark ? 'false' : 'true');
});

test('an account alias set in the console becomes the sign-in address', async ({ page }) => {
  const alias = `e2e-${Date.now().toString(36)}`;
  const { userName, password } = await createConsoleUser(adminIam());
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.getByRole('link', { name: 'Account settings' }).click();
  const region = page.getByRole('region', { name: 'Account alias' });
  await region.getByLabel('Account alias').fill('Not_Valid');
  await region.getByRole('button', { name: 'Save alias' }).click();
  await expect(region.getByLabel('Account alias')).toHaveAttribute('aria-invalid', 'true');
  await region.getByLabel('Account alias').fill(alias);
  await region.getByRole('button', { name: 'Save alias' }).click();
  await expect(region.getByText(`The account alias is now ${alias}.`)).toBeVisible();
  await expect(page.getByTestId('sign-in-url-alias')).toHaveText(`http://localhost:${MAIN_PORT}/sign-in/${alias}`);
  await expect(page.getByTestId('header-account')).toHaveText(`${alias} (${ACCOUNT_ID})`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/reason=signed-out/);
  await page.goto(`/sign-in/${alias}`);
  await expect(page.getByLabel('Account ID (12 digits) or account alias')).toHaveValue(alias);
  await page.getByLabel('IAM user name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
});

test('the dashboard’s sign-in URL names the host the console is browsed at', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-host': 'console.example.test' } });
  const page = await context.newPage();
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await expect(page.getByTestId('account-sign-in-url')).toHaveText(`http://console.example.test/sign-in/${ACCOUNT_ID}`);
  await context.close();
});
