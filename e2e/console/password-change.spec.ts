// A user whose password must be reset meets the change-password screen first, sees the policy's rules and the
// API's PasswordPolicyViolation message, and gets in once the new password complies.
import { DeleteAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { expect, test } from './test';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, createConsoleUser, expectDashboard, signInAsUser } from './helpers';
import { MAIN_PORT } from './ports';

/** The audit trail's events of one principal, read as the admin through the signed /_gatehouse/audit route. */
async function auditEventsOf(principalArn: string): Promise<Array<{ eventName: string; errorCode?: string }>> {
  const query = { principal: principalArn, maxResults: '100' };
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: MAIN_PORT,
    path: '/aws/_gatehouse/audit',
    query,
    headers: { host: `127.0.0.1:${MAIN_PORT}` },
  });
  const signed = await new SignatureV4({ service: 'iam', region: 'us-east-1', sha256: Sha256, credentials: ADMIN_KEYS }).sign(request);
  const response = await fetch(`http://127.0.0.1:${MAIN_PORT}/aws/_gatehouse/audit?${new URLSearchParams(query)}`, {
    headers: signed.headers as Record<string, string>,
  });
  return ((await response.json()) as { events: Array<{ eventName: string; errorCode?: string }> }).events;
}

test.afterEach(async () => {
  await adminIam()
    .send(new DeleteAccountPasswordPolicyCommand({}))
    .catch(() => undefined);
});

test('forced password change before anything else', async ({ page }) => {
  const iam = adminIam();
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 16, RequireSymbols: true, AllowUsersToChangePassword: true }),
  );
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

test('a user without any permission sees the rules, and the console calls nothing else as them before the change', async ({ page }) => {
  const iam = adminIam();
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 15, RequireNumbers: true, PasswordReusePrevention: 2 }));
  const { userName, password } = await createConsoleUser(iam, { resetRequired: true });
  const arn = `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`;
  await signInAsUser(page, userName, password);
  await expect(page).toHaveURL(/\/change-password$/);
  const rules = page.getByTestId('password-rules');
  await expect(rules).toContainText('At least 15 characters.');
  await expect(rules).toContainText('At least one number (0–9).');
  await expect(rules).toContainText('Not one of your last 2 passwords.');
  await expect(page.getByText(/could not be read/)).toHaveCount(0);
  // The long ARN stays inside the card.
  const card = await page.locator('main > div').boundingBox();
  const arnBox = await page.getByText(arn, { exact: true }).boundingBox();
  expect(arnBox!.x + arnBox!.width).toBeLessThanOrEqual(card!.x + card!.width);
  // Loading the dashboard and other pages directly sends them to the change without an API call as the user.
  for (const path of ['/', '/users', '/account', '/simulator']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/change-password$/);
  }
  const denied = (await auditEventsOf(arn)).filter((e) => e.errorCode);
  expect(denied).toEqual([]);
});
