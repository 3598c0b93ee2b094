// Text a user can set is rendered inert: a user path carrying markup shows as text in the header and in the
// dashboard's audit events; tag values cannot carry `<` at all (AWS's pattern rejects them).
import { AttachUserPolicyCommand, TagUserCommand } from '@aws-sdk/client-iam';
import { expect, test } from './test';
import { ACCOUNT_ID, adminIam, createAccessKey, createConsoleUser, signInWithKeys } from './helpers';

const PAYLOAD_PATH = '/<img/src=x/onerror=window.__xss=1>/<script>window.__xss=2</script>/';

test('markup in a user path is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const iam = adminIam();
  const { userName } = await createConsoleUser(iam, { path: PAYLOAD_PATH });
  await expect(
    iam.send(new TagUserCommand({ UserName: userName, Tags: [{ Key: 'note', Value: '<script>alert(1)</script>' }] })),
  ).rejects.toThrow();
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const keys = await createAccessKey(iam, userName);

  await signInWithKeys(page, keys);
  const arn = `arn:aws:iam::${ACCOUNT_ID}:user${PAYLOAD_PATH}${userName}`;
  await expect(page.getByTestId('header-principal')).toHaveText(arn);
  await expect(page.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  // The user's own calls are the latest audit events, listed by the caller's ARN: as text.
  await expect(page.getByRole('region', { name: 'Latest audit events' })).toContainText(arn, { timeout: 30_000 });
  await page.getByRole('link', { name: 'Account settings' }).click();
  await expect(page.getByRole('region', { name: 'Your session' })).toContainText(arn);

  await expect(page.locator('img')).toHaveCount(0);
  // No element was made from the payload (the page's own data scripts carry it escaped, as JSON).
  expect(
    await page
      .locator('script:not([src])')
      .evaluateAll((scripts) => scripts.filter((s) => s.textContent?.trim().startsWith('window.__xss')).length),
  ).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
