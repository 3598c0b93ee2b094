// The explorer on roles and escalation: who-can follows a chain of two roles from a user whose only grant is a
// trust policy naming it; every path to admin lists a user who can create the admin's access key and draws the
// path; a principal's paths from and to it and what it can do, in the explorer and on its own page; risks with links
// to the fix.
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { expect, test, type Page } from './test';
import { ACCOUNT_ID, adminIam, expectDashboard, signInAsRoot, unique } from './helpers';

const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const trusting = (principal: object) => doc([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }]);

const names = {
  chainUser: unique('e2e-chain'),
  first: unique('e2e-first'),
  second: unique('e2e-second'),
  keyMaker: unique('e2e-keys'),
  foreign: unique('e2e-foreign'),
  versionSetter: unique('e2e-setter'),
  rollback: unique('e2e-rollback'),
};

test.beforeAll(async () => {
  const iam = adminIam();
  await iam.send(new CreateUserCommand({ UserName: names.chainUser }));
  await iam.send(
    new CreateRoleCommand({
      RoleName: names.first,
      AssumeRolePolicyDocument: trusting({ AWS: `arn:aws:iam::${ACCOUNT_ID}:user/${names.chainUser}` }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: names.first,
      PolicyName: 'next',
      PolicyDocument: doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT_ID}:role/${names.second}` }]),
    }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: names.second,
      AssumeRolePolicyDocument: trusting({ AWS: `arn:aws:iam::${ACCOUNT_ID}:role/${names.first}` }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: names.second,
      PolicyName: 'read',
      PolicyDocument: doc([{ Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' }]),
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: names.keyMaker }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: names.keyMaker,
      PolicyName: 'keys',
      PolicyDocument: doc([
        { Sid: 'AdminKeys', Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${ACCOUNT_ID}:user/admin` },
      ]),
    }),
  );
  await iam.send(
    new CreateRoleCommand({ RoleName: names.foreign, AssumeRolePolicyDocument: trusting({ AWS: 'arn:aws:iam::999999999999:root' }) }),
  );
  // A policy whose first version allows everything and whose default (v2) does not, attached to a user who may set
  // its default version back.
  const rollback = await iam.send(
    new CreatePolicyCommand({
      PolicyName: names.rollback,
      PolicyDocument: doc([{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }]),
    }),
  );
  const rollbackArn = rollback.Policy!.Arn!;
  await iam.send(
    new CreatePolicyVersionCommand({
      PolicyArn: rollbackArn,
      PolicyDocument: doc([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]),
      SetAsDefault: true,
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: names.versionSetter }));
  await iam.send(new AttachUserPolicyCommand({ UserName: names.versionSetter, PolicyArn: rollbackArn }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: names.versionSetter,
      PolicyName: 'versions',
      PolicyDocument: doc([{ Sid: 'SetBack', Effect: 'Allow', Action: 'iam:SetDefaultPolicyVersion', Resource: rollbackArn }]),
    }),
  );
});

async function openExplorer(page: Page, query = '') {
  await signInAsRoot(page);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:root`);
  await page.goto(`/explorer${query}`);
  await expect(page.getByTestId('snapshot-summary')).toContainText('users');
}

test('who-can follows a chain of two roles from a user named only by a trust policy', async ({ page }) => {
  await openExplorer(page, '?action=cloudtrail%3ALookupEvents&tab=throughRole');
  await expect(page.getByTestId('who-can-status')).toContainText('for cloudtrail:LookupEvents on *');
  const row = page
    .getByRole('tabpanel')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: names.chainUser, exact: true }) });
  await expect(row.getByTestId('role-chain')).toContainText(`by assuming ${names.first} → ${names.second}`);
  await expect(row).toContainText(`sts:AssumeRole ${names.first}: Allow · Trust policy`);
  await expect(row.getByRole('link', { name: names.second, exact: true })).toHaveAttribute('href', `/roles/${names.second}`);
});

test('every path to admin: a user who can create the admin user’s access key, drawn in the account graph', async ({ page }) => {
  await openExplorer(page);
  await expect(page.getByTestId('escalation-status')).toContainText('can reach admin', { timeout: 60_000 });
  await page.getByRole('tab', { name: /Can reach admin/ }).click();
  const row = page.getByTestId('reach-row').filter({ hasText: `user ${names.keyMaker}` });
  await expect(row).toContainText('can create an access key for the user');
  await expect(row).toContainText('1 hop');
  await row.locator('summary').first().click();
  await expect(row).toContainText('iam:CreateAccessKey on arn:aws:iam::123456789012:user/admin: Allow · keys · Sid AdminKeys (inline)');
  await row.getByRole('button', { name: 'Draw in the graph' }).click();
  await expect(page.getByRole('tab', { name: 'Account graph' })).toHaveAttribute('aria-selected', 'true');
  const graph = page.getByTestId('account-graph');
  await expect(graph.locator('.react-flow__node').filter({ hasText: names.keyMaker })).toBeVisible();
  await expect(graph.locator('.react-flow__edge.animated')).toHaveCount(1);
  await expect(page.getByTestId('account-graph-summary')).toContainText('escalation');

  await page.getByRole('tab', { name: /Admin-equivalent/ }).click();
  const admin = page.getByTestId('admin-row').filter({ has: page.getByRole('button', { name: 'user admin', exact: true }) });
  await expect(admin).toContainText('allowed * on *');
  await admin.getByRole('button', { name: 'Statements' }).click();
  await expect(admin).toContainText('AdministratorAccess');
});

test('every path to admin: a user who can set an older version of a policy attached to it as the default', async ({ page }) => {
  await openExplorer(page);
  await expect(page.getByTestId('escalation-status')).toContainText('admin-equivalent', { timeout: 60_000 });
  await page.getByRole('tab', { name: /Admin-equivalent/ }).click();
  const row = page.getByTestId('admin-row').filter({ has: page.getByRole('button', { name: `user ${names.versionSetter}`, exact: true }) });
  await expect(row).toContainText('can grant itself admin');
  await expect(row).toContainText('can make an older version of a policy attached to it the default');
  await expect(row).toContainText(`(via ${names.rollback} v1 (attached))`);
  await row.getByRole('button', { name: 'Statements' }).click();
  await expect(row).toContainText(
    `iam:SetDefaultPolicyVersion on arn:aws:iam::${ACCOUNT_ID}:policy/${names.rollback}: Allow · versions · Sid SetBack (inline)`,
  );
  await expect(row).toContainText(`* on *: Allow · ${names.rollback} version v1 · Sid Everything (attached)`);
});

test('a principal’s paths from and to it, and what it can do by service and access level', async ({ page }) => {
  await openExplorer(page, `?principal=user%3A${names.keyMaker}`);
  const paths = page.getByTestId('principal-paths');
  await expect(paths.getByTestId('path-to-admin')).toContainText('can reach admin in 1 hop', { timeout: 60_000 });
  await expect(paths.getByTestId('path-to-admin')).toContainText('user admin');
  const whatCan = page.getByTestId('what-can');
  const iamRow = whatCan.getByTestId('what-can-row').filter({ hasText: 'iam' });
  await expect(iamRow).toContainText('Write: 1/');
  await expect(iamRow).toContainText('CreateAccessKey');
  await expect(iamRow).toContainText('keys · Sid AdminKeys (inline)');

  await page.goto(`/explorer?principal=role%3A${names.second}`);
  const to = page.getByRole('list', { name: 'Paths to here' });
  await expect(to).toContainText(`user ${names.chainUser}`, { timeout: 60_000 });
  await expect(to).toContainText(`role ${names.first}`);
});

test('risks: a role trusting another account, with a link to its trust policy', async ({ page }) => {
  await openExplorer(page);
  const risk = page.getByTestId('risk-row').filter({ hasText: names.foreign });
  await expect(risk).toContainText('Role trusting another account');
  await expect(risk).toContainText('999999999999');
  await expect(risk.getByRole('link', { name: /Review the trust policy/ })).toHaveAttribute('href', `/roles/${names.foreign}?tab=trust`);
});

test('a user’s and a role’s own pages show their paths to admin, from here and to here', async ({ page }) => {
  await signInAsRoot(page);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:root`);
  await page.goto(`/users/${names.keyMaker}?tab=paths`);
  const userPaths = page.getByTestId('principal-escalation-tab');
  await expect(userPaths.getByTestId('path-to-admin')).toContainText('can reach admin in 1 hop', { timeout: 60_000 });
  await expect(userPaths.getByTestId('path-to-admin')).toContainText('user admin');

  await page.goto(`/roles/${names.second}?tab=paths`);
  const to = page.getByTestId('principal-escalation-tab').getByRole('list', { name: 'Paths to here' });
  await expect(to).toContainText(`user ${names.chainUser}`, { timeout: 60_000 });
  await expect(to).toContainText(`role ${names.first}`);
  await page.getByRole('link', { name: 'See it in the explorer' }).click();
  await expect(page).toHaveURL(new RegExp(`/explorer\\?principal=role%3A${names.second}`));
});
