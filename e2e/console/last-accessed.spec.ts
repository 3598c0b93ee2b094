// The user's Last accessed tab: the services its policies allow with their last use, and, for IAM (whose actions
// AWS tracks one by one), each action the user called — from what the user really did through the SDK; the same
// for a role, from its sessions.
import {
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListGroupsForUserCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, test } from './test';
import { MAIN_PORT } from './ports';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, createAccessKey, expectDashboard, signInWithKeys, unique } from './helpers';

test('shows the services and IAM actions a user used', async ({ page }) => {
  const admin = adminIam();
  const userName = unique('e2e-advisor');
  await admin.send(new CreateUserCommand({ UserName: userName }));
  await admin.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'read-self',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListGroupsForUser', 's3:ListAllMyBuckets'], Resource: '*' }],
      }),
    }),
  );
  const keys = await createAccessKey(admin, userName);
  const asUser = new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${MAIN_PORT}/aws`, credentials: keys, maxAttempts: 1 });
  await asUser.send(new GetUserCommand({}));
  await asUser.send(new ListGroupsForUserCommand({ UserName: userName }));
  asUser.destroy();

  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/users/${encodeURIComponent(userName)}?tab=last-accessed`);
  const table = page.getByRole('table', { name: 'Services the user is allowed, and when it last used them' });
  const iamRow = table.getByRole('row').filter({ hasText: 'Identity and Access Management' });
  await expect(iamRow).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const actions = iamRow.getByRole('list', { name: /actions used/ });
  await expect(actions.getByRole('listitem')).toHaveText([/^iam:GetUser \d{4}-/, /^iam:ListGroupsForUser \d{4}-/]);
  // Allowed but never used.
  await expect(table.getByRole('row').filter({ hasText: 's3' })).toContainText('Not accessed in the tracking period');
});

test("shows what a role's sessions used", async ({ page }) => {
  const admin = adminIam();
  const userName = unique('e2e-assumer');
  const roleName = unique('e2e-advised-role');
  await admin.send(new CreateUserCommand({ UserName: userName }));
  await admin.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'assume',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }),
    }),
  );
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }],
  };
  await admin.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await admin.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'read-role',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] }),
    }),
  );
  const keys = await createAccessKey(admin, userName);
  const endpoint = `http://127.0.0.1:${MAIN_PORT}/aws`;
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: keys, maxAttempts: 1 });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`, RoleSessionName: 'advisor' }),
  );
  sts.destroy();
  const asRole = new IAMClient({
    region: 'us-east-1',
    endpoint,
    credentials: {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    },
    maxAttempts: 1,
  });
  await asRole.send(new GetRoleCommand({ RoleName: roleName }));
  asRole.destroy();

  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto(`/roles/${encodeURIComponent(roleName)}?tab=last-accessed`);
  const table = page.getByRole('table', { name: 'Services the role is allowed, and when its sessions last used them' });
  const iamRow = table.getByRole('row').filter({ hasText: 'Identity and Access Management' });
  await expect(iamRow.getByRole('list', { name: /actions used/ }).getByRole('listitem')).toHaveText([/^iam:GetRole \d{4}-/]);
});
