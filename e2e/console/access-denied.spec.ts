// A user without permissions signs in and meets AccessDenied as a message naming the missing permission.
import { expect, test } from './test';
import { ACCOUNT_ID, adminIam, createConsoleUser, expectDashboard, signInAsUser } from './helpers';

test('a restricted user sees which permission is missing, not a crash', async ({ page }) => {
  const { userName, password } = await createConsoleUser(adminIam());
  await signInAsUser(page, userName, password);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
  const summary = page.getByRole('region', { name: 'IAM resources' });
  await expect(summary.getByRole('alert')).toContainText('You are not allowed to perform iam:GetAccountSummary');
  await expect(summary.getByRole('alert')).toContainText('Missing permission: iam:GetAccountSummary');
  await expect(page.getByRole('region', { name: 'Latest audit events' })).toContainText('cloudtrail:LookupEvents');
  await expect(summary).toContainText('Ask an administrator to grant iam:GetAccountSummary');

  // A server action refused the same way: the account alias on the account page.
  await page.getByRole('link', { name: 'Account settings' }).click();
  await expect(page.getByRole('heading', { name: 'Account settings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Account alias' })).toContainText('iam:ListAccountAliases');
});
