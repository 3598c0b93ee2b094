// An administrator's users journey: create a user under /example/path/2/, find it in the path tree, add it to a
// group, attach a policy, create an access key and use it with the SDK, rotate it, then delete the user with
// everything it still has.
import { CreateGroupCommand, CreatePolicyCommand, CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { expect, test, type Page } from './test';
import { MAIN_PORT } from './ports';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, expectDashboard, signInWithKeys, unique } from './helpers';

/** The console's port (the specs run against whichever server the config starts). */
function portOf(): number {
  return Number(new URL(test.info().project.use.baseURL ?? `http://localhost:${MAIN_PORT}`).port || MAIN_PORT);
}

function iamWith(keys: { accessKeyId: string; secretAccessKey: string }): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${portOf()}/aws`, credentials: keys, maxAttempts: 1 });
}

async function readKey(page: Page, idTestId: string, secretTestId: string) {
  const accessKeyId = (await page.getByTestId(idTestId).getAttribute('data-value'))!;
  const secretAccessKey = (await page.getByTestId(secretTestId).getAttribute('data-value'))!;
  expect(accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
  expect(secretAccessKey.length).toBeGreaterThanOrEqual(40);
  return { accessKeyId, secretAccessKey };
}

test('create, find, grant, key, rotate and delete a user', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = adminIam(portOf());
  const userName = unique('e2e-journey');
  const groupName = unique('e2e-group');
  const policyName = unique('e2e-getuser');
  await admin.send(new CreateGroupCommand({ GroupName: groupName }));
  await admin.send(
    new CreatePolicyCommand({
      PolicyName: policyName,
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListGroupsForUser'], Resource: '*' }],
      }),
    }),
  );

  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);

  // Create the user under /example/path/2/.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Create user' }).first().click();
  await expect(page).toHaveURL(/\/users\/new$/);
  const create = page.getByRole('main');
  await expect(create.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText(/Users\s*\/\s*Create user/);
  await create.getByLabel('User name').fill(userName);
  // A bad path is explained in plain words in the browser, once, and nothing is sent.
  await create.getByLabel('Path').fill('example/path/2');
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(create.getByLabel('Path')).toHaveAttribute('aria-invalid', 'true');
  await expect(create.getByText('A path starts and ends with /, like /engineering/ or /division/team/ (just / for none).')).toHaveCount(1);
  await expect(create.getByText('u002F')).toHaveCount(0);
  await create.getByLabel('Path').fill('/example/path/2/');
  await create.getByRole('button', { name: 'Add tag' }).click();
  await create.getByLabel('Tag 1 key').fill('aws:team');
  await expect(create.getByText('Keys starting with aws: are reserved for AWS.')).toBeVisible();
  await create.getByLabel('Tag 1 key').fill('team');
  await create.getByLabel('Tag 1 value').fill('journey:1');
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(create.getByRole('heading', { name: `User ${userName} created` })).toBeVisible();
  await create.getByRole('link', { name: 'Back to users' }).click();

  // Find it in the tree: expand /example/ and /example/path/, select /example/path/2/.
  const tree = page.getByRole('tree', { name: 'User paths' });
  await tree.getByRole('button', { name: 'Expand /example/', exact: true }).click();
  await tree.getByRole('button', { name: 'Expand /example/path/', exact: true }).click();
  const node = tree.locator('[role="treeitem"][data-path="/example/path/2/"]');
  await expect(node).toBeVisible();
  await node.click();
  await expect(page).toHaveURL(/path=%2Fexample%2Fpath%2F2%2F/);
  await expect(node).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Search by user name').fill(userName);
  await expect(page).toHaveURL(/q=e2e-journey/);
  const link = page.getByRole('table', { name: 'Users' }).getByRole('link', { name: userName });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { name: userName })).toBeVisible();
  await expect(page.getByTestId('user-arn')).toHaveText(`arn:aws:iam::${ACCOUNT_ID}:user/example/path/2/${userName}`);

  // Add it to a group.
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page).toHaveURL(/tab=groups/);
  await page.getByRole('button', { name: 'Add to group' }).click();
  const groupDialog = page.getByRole('dialog');
  await groupDialog.getByLabel('Search groups').fill(groupName);
  await groupDialog.getByLabel(groupName).check();
  await groupDialog.getByRole('button', { name: 'Add to group' }).click();
  await expect(page.getByText(`Added to group ${groupName}.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups of the user' })).toContainText(groupName);

  // Attach a policy; the effective permissions show IAM read access.
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await page.getByRole('button', { name: 'Attach policy' }).click();
  const policyDialog = page.getByRole('dialog');
  await policyDialog.getByLabel('Search policies').fill(policyName);
  await policyDialog.getByLabel(policyName).check();
  await policyDialog.getByRole('button', { name: 'Attach policy' }).click();
  await expect(page.getByText('Policy attached.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Attached managed policies' })).toContainText(policyName);
  const summary = page.getByRole('table', { name: 'Effective permissions by service' });
  await expect(summary).toContainText('iam');
  await expect(summary).toContainText(/Limited: (List, )?Read/);

  // Create an access key and use it.
  await page.getByRole('tab', { name: 'Security credentials' }).click();
  await page.getByRole('button', { name: 'Create access key' }).click();
  const first = await readKey(page, 'created-access-key-id', 'created-secret-access-key');
  await expect(page.getByText('This is the only time the secret is shown')).toBeVisible();
  const me = await iamWith(first).send(new GetUserCommand({}));
  expect(me.User?.UserName).toBe(userName);

  // Rotate: a second key, then the first deactivated and deleted.
  await page.getByRole('button', { name: 'I have saved the secret' }).click();
  await page.getByRole('button', { name: 'Create access key' }).click();
  const second = await readKey(page, 'created-access-key-id', 'created-secret-access-key');
  expect(second.accessKeyId).not.toBe(first.accessKeyId);
  expect((await iamWith(second).send(new GetUserCommand({}))).User?.UserName).toBe(userName);
  await page.getByRole('button', { name: 'I have saved the secret' }).click();
  await expect(page.getByRole('meter', { name: 'Access keys' })).toHaveAttribute('aria-valuenow', '2');
  await page.getByRole('button', { name: `Deactivate ${first.accessKeyId}` }).click();
  await expect(page.getByText(`Access key ${first.accessKeyId} is now inactive.`)).toBeVisible();
  // The service may cache a principal for a few seconds: the refusal comes within that.
  await expect
    .poll(
      () =>
        iamWith(first)
          .send(new GetUserCommand({}))
          .then(
            () => 'accepted',
            (e: Error) => e.name,
          ),
      { timeout: 15_000 },
    )
    .not.toBe('accepted');
  await page.getByRole('button', { name: `Delete ${first.accessKeyId}` }).click();
  const confirmKey = page.getByRole('dialog');
  await expect(confirmKey).toContainText(`Delete access key ${first.accessKeyId}?`);
  await confirmKey.getByRole('button', { name: 'Delete access key' }).click();
  await expect(page.getByText(`Access key ${first.accessKeyId} deleted.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Access keys' })).not.toContainText(first.accessKeyId);
  // The second key has been used: its last use (GetAccessKeyLastUsed) shows once recorded.
  await expect(async () => {
    await page.reload();
    const keys = page.getByRole('table', { name: 'Access keys' });
    await expect(keys).toContainText(second.accessKeyId, { timeout: 5_000 });
    await expect(keys).not.toContainText('Never used', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // Delete the user: the dialog names its key, policy and group, removes them, then the user.
  await page.getByRole('button', { name: 'Delete user', exact: true }).click();
  const del = page.getByRole('dialog');
  const dependents = del.getByTestId('delete-dependents');
  await expect(dependents).toContainText(second.accessKeyId);
  await expect(dependents).toContainText(policyName);
  await expect(dependents).toContainText(groupName);
  await del.getByRole('button', { name: 'Delete user and its dependents' }).click();
  await expect(del.getByText(`User ${userName} deleted.`)).toBeVisible();
  await del.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(/\/users\?path=/);
  await expect(admin.send(new GetUserCommand({ UserName: userName }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
});

test('the users table lists every page of ListUsers and sorts', async ({ page }) => {
  const admin = adminIam(portOf());
  const prefix = `/e2e-many-${Date.now().toString(36)}/`;
  // More than one page of ListUsers at its default page size (100).
  const stamp = Date.now().toString(36);
  const names = Array.from({ length: 120 }, (_, i) => `e2e-many-${String(i).padStart(3, '0')}-${stamp}`);
  for (let i = 0; i < names.length; i += 20)
    await Promise.all(names.slice(i, i + 20).map((n) => admin.send(new CreateUserCommand({ UserName: n, Path: prefix }))));
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/users?path=${encodeURIComponent(prefix)}`);
  // Next's streaming can leave a hidden copy of a suspended boundary in the DOM: look at the visible one.
  await expect(page.getByText('120 users', { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(page.locator(`[role="treeitem"][data-path="${prefix}"]`)).toContainText('120');
  await page.getByRole('button', { name: 'User name' }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.locator('[role="row"][data-user]').first()).toHaveAttribute('data-user', names[names.length - 1]!);
  await page.getByLabel('Search by user name').fill('e2e-many-007');
  await expect(page.getByText('1 of 120 users match')).toBeVisible();
});
