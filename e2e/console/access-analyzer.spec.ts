// IAM Access Analyzer in the console: the editor speaks ValidatePolicy's issue codes, "What changes" runs
// CheckNoNewAccess before an inline policy is saved over the old one, and a user's page generates a
// least-privilege policy from the user's audit history, editable and then attached.
import {
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListGroupsCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { expect, test, type Page } from './test';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, createAccessKey, expectDashboard, signInWithKeys, unique } from './helpers';
import { MAIN_PORT } from './ports';

async function replaceEditorText(page: Page, name: RegExp, text: string) {
  await page.getByRole('textbox', { name }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

test('inline policy: ValidatePolicy issue codes in the editor and "What changes" before saving', async ({ page }) => {
  const userName = unique('e2e-aa');
  const iam = adminIam();
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'reader',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] }),
    }),
  );
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/users/${encodeURIComponent(userName)}?tab=permissions`);
  await page.getByRole('button', { name: 'Edit reader' }).click();
  const edit = page.getByRole('region', { name: 'Edit inline policy reader' });
  await expect(edit.getByRole('textbox', { name: /Inline policy document/ })).toContainText('iam:GetUser');

  // A wider policy: the finding carries AWS's issue code, and "What changes" names the statement that widens.
  await replaceEditorText(
    page,
    /Inline policy document/,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Wide', Effect: 'Allow', Action: ['iam:GetUser', 'iam:PassRole'], Resource: '*' }],
    }),
  );
  await expect(edit.getByTestId('policy-findings')).toContainText('PASS_ROLE_WITH_STAR_IN_RESOURCE');
  const changes = edit.getByTestId('what-changes');
  await expect(changes).toContainText('New access');
  await expect(changes.getByTestId('new-access-reasons')).toContainText('Statement 0 ("Wide")');
  await expect(changes.getByTestId('newly-allowed')).toContainText('iam:PassRole');

  // A narrower one grants nothing new.
  await replaceEditorText(
    page,
    /Inline policy document/,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${ACCOUNT_ID}:user/${userName}` }],
    }),
  );
  await expect(changes).toContainText('No new access');
});

test("a user's page generates a least-privilege policy from its activity, editable, then attached", async ({ page }) => {
  const userName = unique('e2e-gen');
  const iam = adminIam();
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'broad',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
    }),
  );
  const keys = await createAccessKey(iam, userName);
  const asUser = new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${MAIN_PORT}/aws`, credentials: keys });
  await asUser.send(new GetUserCommand({ UserName: userName }));
  await asUser.send(new ListGroupsCommand({}));
  asUser.destroy();

  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/users/${encodeURIComponent(userName)}?tab=permissions`);
  const panel = page.getByTestId('generate-policy');
  await panel.getByRole('button', { name: 'Generate least-privilege policy' }).click();
  const generated = panel.getByRole('textbox', { name: /Generated policy/ });
  await expect(generated).toContainText('iam:GetUser');
  await expect(generated).toContainText('iam:ListGroups');
  await expect(generated).toContainText(`arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);

  await panel.getByLabel('Inline policy name').fill('generated');
  await panel.getByRole('button', { name: 'Attach as inline policy' }).click();
  await expect(panel).toContainText('Inline policy generated attached');
  await expect
    .poll(async () =>
      JSON.parse(
        decodeURIComponent((await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: 'generated' }))).PolicyDocument!),
      ).Statement.flatMap((s: { Action: string[] }) => s.Action),
    )
    .toEqual(expect.arrayContaining(['iam:GetUser', 'iam:ListGroups']));
});

test('trust policy: "What changes" flags a principal the saved trust policy did not trust', async ({ page }) => {
  const roleName = unique('e2e-trust');
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }],
  };
  await adminIam().send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/roles/${encodeURIComponent(roleName)}`);
  await page.getByRole('button', { name: 'Edit trust policy' }).click();
  await replaceEditorText(
    page,
    /Trust policy \(JSON\)/,
    JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Sid: 'Other', Principal: { AWS: '444455556666' } }] }, null, 2),
  );
  const changes = page.getByTestId('what-changes');
  await expect(changes).toContainText('New access');
  await expect(changes.getByTestId('new-access-reasons')).toContainText('Statement 0 ("Other")');
});
