// Groups and roles journeys: create a group, add a member, attach a policy; create a role with a trust policy
// and read who can assume it.
import { GetRoleCommand, ListAttachedGroupPoliciesCommand, GetGroupCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { expect, test, type Page } from './test';
import { ACCOUNT_ID, adminIam, signInAsRoot, unique } from './helpers';

async function replaceEditorText(page: Page, name: RegExp, text: string) {
  await page.getByRole('textbox', { name }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

test('create a group, add a member and attach a policy', async ({ page, baseURL }) => {
  const iam = adminIam(Number(new URL(baseURL!).port));
  const userName = unique('e2e-member');
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const groupName = unique('e2e-group');

  await signInAsRoot(page);
  await expect(page.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('link', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: 'Create group' })).toBeVisible();
  await page.getByLabel('Group name').fill('not a name!');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByText('A group name uses only letters, digits and + = , . @ _ - (not spaces, “!”).')).toBeVisible();
  await page.getByLabel('Group name').fill(groupName);
  await page.getByLabel('Path').first().fill('/e2e/');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: groupName })).toBeVisible();
  // The group's page: a breadcrumb back to the groups, its path, member names that link to the users.
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Groups' })).toHaveAttribute(
    'href',
    '/groups',
  );
  await expect(page.getByTestId('group-path')).toHaveText('/e2e/');

  await page.getByLabel('User name to add').fill(userName);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('row', { name: new RegExp(userName) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(userName) }).getByRole('link', { name: userName })).toHaveAttribute(
    'href',
    `/users/${userName}`,
  );
  // Adding a user that does not exist: the failure is titled by what failed, with the service's message.
  await page.getByLabel('User name to add').fill('no-such-user-e2e');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The user was not added to the group' })).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Members (1)' })).toBeVisible();

  await page.getByRole('tab', { name: 'Permissions' }).click();
  await expect(page).toHaveURL(/tab=permissions/);
  await page.getByLabel('Policy ARN to attach').fill('arn:aws:iam::aws:policy/ReadOnlyAccess');
  await page.getByRole('button', { name: 'Attach policy' }).click();
  await expect(page.getByRole('link', { name: 'ReadOnlyAccess' })).toBeVisible();
  await expect(page.getByTestId('attached-policies-meter')).toContainText('1 / 10');

  const members = await iam.send(new GetGroupCommand({ GroupName: groupName }));
  expect(members.Group?.Path).toBe('/e2e/');
  expect(members.Users?.map((u) => u.UserName)).toEqual([userName]);
  const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }));
  expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);

  // The group list shows it under its path (the path filter is in the URL).
  await page.goto('/groups?path=/e2e/');
  await expect(page.getByRole('link', { name: groupName })).toBeVisible();
});

test('create a role with a trust policy and see who can assume it', async ({ page, baseURL }) => {
  const iam = adminIam(Number(new URL(baseURL!).port));
  const roleName = unique('e2e-role');
  const trust = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'partner-42' } },
      },
    ],
  };

  await signInAsRoot(page);
  await expect(page.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  await page.goto('/roles/new');
  await page.getByLabel('Role name').fill(roleName);
  await page.getByLabel('Description').fill('Assumed by a partner & <Lambda>');
  await replaceEditorText(page, /Trust policy \(JSON\)/, JSON.stringify(trust, null, 2));
  const preview = page.getByRole('region', { name: 'Who can assume this role' });
  await expect(preview).toContainText('lambda.amazonaws.com');
  await page.getByRole('button', { name: 'Create role' }).click();

  await expect(page.getByRole('heading', { name: roleName })).toBeVisible();
  await expect(page.getByTestId('role-path')).toHaveText('/');
  const who = page.getByRole('region', { name: 'Who can assume this role' });
  await expect(who).toContainText('AWS services');
  await expect(who).toContainText('lambda.amazonaws.com');
  await expect(who).toContainText('AWS accounts and IAM principals');
  await expect(who).toContainText('arn:aws:iam::111122223333:root');
  await expect(who).toContainText('sts:ExternalId StringEquals "partner-42"');
  await expect(page.getByText('Assumed by a partner & <Lambda>')).toBeVisible();

  const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
  expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`);
  expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).Statement).toHaveLength(2);

  // Editing the trust policy with an error shows the finding; a valid change is saved with UpdateAssumeRolePolicy.
  await page.getByRole('button', { name: 'Edit trust policy' }).click();
  await replaceEditorText(
    page,
    /Trust policy \(JSON\)/,
    JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Resource: '*' }] }, null, 2),
  );
  await expect(page.getByTestId('policy-findings')).toContainText('Resource');
  await expect(page.getByRole('button', { name: 'Update trust policy' })).toBeDisabled();
  await replaceEditorText(page, /Trust policy \(JSON\)/, JSON.stringify({ ...trust, Statement: [trust.Statement[0]] }, null, 2));
  await page.getByRole('button', { name: 'Update trust policy' }).click();
  await expect(page.getByText('Trust policy updated.')).toBeVisible();
  await expect(who).not.toContainText('111122223333');
});
