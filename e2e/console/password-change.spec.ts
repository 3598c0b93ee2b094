// A user whose password must be reset meets the change-password screen first, sees the policy's rules and the
// API's PasswordPolicyViolation message, and gets in once the new password complies.
import { DeleteAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { expect, test } from './test';
import { ACCOUNT_ID, adminIam, createConsoleUser, expectDashboard, signInAsUser } from './helpers';

test.afterEach(async () => {
  await adminIam()
    .send(new DeleteAccountPasswordPolicyCommand({}))
    .catch(() => undefined);
});

test('forced password change before anything else', async ({ page }) => {
  const iam = adminIam();
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 16, RequireSymbols: true, AllowUsersToChangePassword: true }));
  const { userName, password } = await createConsoleUser(iam, { resetRequired: true });
  await signInAsUser(page, userName, password);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { name: 'You must change your password' })).toBeVisible();
  await expect(page.getByTestId('password-rules')).toContainText('At least 16 characters.');

  // Nothing else is reachable until the password is changed.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/change-password$/);

  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill('Short1!');
  await page.getByLabel('Confirm new password').fill('Short1!');
  await page.getByRole('button', { name: 'Change password' }).click();
  const newPassword = page.getByLabel('New password', { exact: true });
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/password policy|at least 16|too short|minimum/i).first()).toBeVisible();

  await page.getByLabel('Current password').fill(password);
  await newPassword.fill('A-much-longer-Passw0rd!');
  await page.getByLabel('Confirm new password').fill('A-different-one-entirely!');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The two new passwords do not match.')).toBeVisible();

  await page.getByLabel('Current password').fill(password);
  await newPassword.fill('A-much-longer-Passw0rd!');
  await page.getByLabel('Confirm new password').fill('A-much-longer-Passw0rd!');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
});
