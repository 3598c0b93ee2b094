// An IAM user with a virtual MFA device is asked for a code after the password, and gets in with a fresh one.
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { expect, test } from './test';
import { ACCOUNT_ID, adminIam, createConsoleUser, expectDashboard, signInAsUser, totp } from './helpers';

test('MFA: the password alone is not enough; a valid code completes the sign-in', async ({ page }) => {
  const iam = adminIam();
  const { userName, password } = await createConsoleUser(iam);
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

  await signInAsUser(page, userName, password);
  const mfa = page.getByLabel('MFA code');
  await expect(mfa).toBeVisible();
  await expect(page.getByText('Enter the code from your MFA device to finish signing in.')).toBeVisible();

  await mfa.fill('000000' === totp(seed) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your authentication information is incorrect. Please try again.');

  await page.getByLabel('MFA code').fill(totp(seed));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
});
