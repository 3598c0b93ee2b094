// A user's inline policies on the permissions tab: write a new one in the policy editor, edit it, and see each
// version through the API.
import { CreateUserCommand, GetUserPolicyCommand } from '@aws-sdk/client-iam';
import { expect, test, type Page } from './test';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, expectDashboard, signInWithKeys, unique } from './helpers';

async function replaceEditorText(page: Page, name: RegExp, text: string) {
  await page.getByRole('textbox', { name }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

const documentOf = async (userName: string, policyName: string) =>
  decodeURIComponent((await adminIam().send(new GetUserPolicyCommand({ UserName: userName, PolicyName: policyName }))).PolicyDocument!);

test('add and edit a user inline policy', async ({ page }) => {
  const userName = unique('e2e-inline');
  await adminIam().send(new CreateUserCommand({ UserName: userName }));
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/users/${encodeURIComponent(userName)}?tab=permissions`);

  await page.getByRole('button', { name: 'Add inline policy' }).click();
  const editor = page.getByRole('region', { name: 'New inline policy' });
  await editor.getByLabel('Inline policy name').fill('read-self');
  await replaceEditorText(
    page,
    /Inline policy document/,
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }),
  );
  await editor.getByRole('button', { name: 'Save inline policy' }).click();
  await expect(page.getByRole('button', { name: 'Edit read-self' })).toBeVisible();
  expect(JSON.parse(await documentOf(userName, 'read-self')).Statement[0].Action).toBe('iam:GetUser');

  await page.getByRole('button', { name: 'Edit read-self' }).click();
  const edit = page.getByRole('region', { name: 'Edit inline policy read-self' });
  await expect(edit.getByRole('textbox', { name: /Inline policy document/ })).toContainText('iam:GetUser');
  await replaceEditorText(
    page,
    /Inline policy document/,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListGroupsForUser'], Resource: '*' }],
    }),
  );
  await edit.getByRole('button', { name: 'Save inline policy' }).click();
  await expect(edit).toHaveCount(0);
  await expect
    .poll(async () => JSON.parse(await documentOf(userName, 'read-self')).Statement[0].Action)
    .toEqual(['iam:GetUser', 'iam:ListGroupsForUser']);
});
