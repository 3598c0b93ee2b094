// A user with MFA whose password must be reset: after the change the form asks for a code, and the user ends up
// fully signed in (not left with credentials limited to changing the password), the limited session ended.
import { AttachUserPolicyCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { expect, test } from './test';
import { ACCOUNT_ID, adminIam, createConsoleUser, expectDashboard, totp } from './helpers';

test('a forced password change with MFA asks for a code and ends in a full session', async ({ page, browser }) => {
  const iam = adminIam();
  const { userName, password } = await createConsoleUser(iam, { resetRequired: true });
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'change-own-password',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: `arn:aws:iam::${ACCOUNT_ID}:user/${userName}` }],
      }),
    }),
  );
  const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }));
  const seed = new TextDecoder().decode(device.VirtualMFADevice!.Base32StringSeed!);
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: userName,
      SerialNumber: device.VirtualMFADevice!.SerialNumber!,
      AuthenticationCode1: totp(seed, -2),
      AuthenticationCode2: totp(seed, -1),
    }),
  );

  await page.goto(`/sign-in/${ACCOUNT_ID}`);
  await page.getByLabel('IAM user name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('MFA code').fill(totp(seed));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  const limitedCookies = await page.context().cookies();

  const newPassword = 'A-much-longer-Passw0rd!';
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed. Enter the code from your MFA device to finish signing in.')).toBeVisible();

  // A wrong code is refused in place, and the session is still limited to the change.
  await page.getByLabel('MFA code').fill(totp(seed, 1) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/the MFA code was not accepted/)).toBeVisible();

  await page.getByLabel('MFA code').fill(totp(seed, 1));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);

  // The console now calls IAM as the user with full credentials: the users page lists users.
  await page.goto('/users');
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('link', { name: userName })).toBeVisible();

  // The limited session is over: its cookie, replayed, leads to the sign-in page.
  const replay = await browser.newContext({ baseURL: page.url() });
  try {
    await replay.addCookies(limitedCookies);
    const old = await replay.newPage();
    await old.goto('/change-password');
    await expect(old).toHaveURL(/\/sign-in/);
  } finally {
    await replay.close();
  }
});
