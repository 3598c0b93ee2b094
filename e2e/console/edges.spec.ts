// Trust at the console's edges (issue 10): sign-out ends the session for good; forwarded headers from a client
// are not believed on the /aws mount; the console's sign-in carries each browser's own address.
import fs from 'node:fs';
import path from 'node:path';
import { GetGroupCommand, ListGroupsCommand, ListUsersCommand, PutUserPolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { decode } from 'next-auth/jwt';
import { expect, test } from './test';
import { MAIN_PORT, SHORT_PORT } from './ports';
import { ACCOUNT_ID, adminIam, createAccessKey, createConsoleUser, expectDashboard, signInAsUser } from './helpers';

const allow = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

async function errorName(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).name;
  }
  return 'no error';
}

/** The credentials inside a console session cookie (decrypted with the main server's console secret). */
async function credentialsInCookie(value: string) {
  const secret = fs.readFileSync(path.join(process.env.GH_E2E_DATA_DIR!, 'main', 'console-secret'), 'utf8').trim();
  const token = (await decode({ token: value, secret })) as {
    gh: { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } };
  };
  const { accessKeyId, secretAccessKey, sessionToken } = token.gh.credentials;
  return { accessKeyId, secretAccessKey, sessionToken };
}

test('signing out revokes the session: the old cookie renders nothing and its credentials answer nothing', async ({
  page,
  context,
  browser,
}) => {
  const admin = adminIam();
  const { userName, password } = await createConsoleUser(admin);
  await admin.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'list',
      PolicyDocument: allow([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]),
    }),
  );
  await signInAsUser(page, userName, password);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);

  const cookies = (await context.cookies()).filter((c) => c.name.startsWith('next-auth.session-token'));
  expect(cookies.length).toBeGreaterThan(0);
  const value = cookies
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => c.value)
    .join('');
  const credentials = await credentialsInCookie(value);
  const stolen = new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${MAIN_PORT}/aws`, credentials, maxAttempts: 1 });
  expect((await stolen.send(new ListUsersCommand({}))).Users).toBeDefined();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto('/users');
  await expect(again).toHaveURL(/\/sign-in/);
  expect(await again.evaluate(async () => (await fetch('/api/auth/session')).json())).toEqual({});
  await replay.close();
  expect(await errorName(stolen.send(new ListUsersCommand({})))).toBe('InvalidClientTokenId');
  stolen.destroy();
});

test('the /aws mount does not believe X-Forwarded-For, X-Forwarded-Proto or Forwarded from a client', async () => {
  // The short-session server trusts no proxy (the default).
  const admin = adminIam(SHORT_PORT);
  const { userName } = await createConsoleUser(admin);
  await admin.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'network',
      PolicyDocument: allow([
        { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } },
        {
          Effect: 'Allow',
          Action: ['iam:ListGroups', 'iam:GetGroup'],
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': ['127.0.0.0/8', '::1/128'] } },
        },
        { Effect: 'Deny', Action: 'iam:ListGroups', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ]),
    }),
  );
  const keys = await createAccessKey(admin, userName);
  const client = (headers: Record<string, string>) => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${SHORT_PORT}/aws`, credentials: keys, maxAttempts: 1 });
    iam.middlewareStack.add(
      (next) => async (args) => {
        Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
        return next(args);
      },
      { step: 'build' },
    );
    return iam;
  };
  // The real address is what the policy sees: allowed from loopback, without any header.
  expect(await errorName(client({}).send(new GetGroupCommand({ GroupName: 'no-such-group' })))).toBe('NoSuchEntityException');
  expect(await errorName(client({ 'x-forwarded-for': '192.0.2.77' }).send(new ListUsersCommand({})))).toBe('AccessDenied');
  expect(await errorName(client({ forwarded: 'for=192.0.2.77;proto=https' }).send(new ListUsersCommand({})))).toBe('AccessDenied');
  expect(await errorName(client({ 'x-forwarded-proto': 'https' }).send(new ListGroupsCommand({})))).toBe('AccessDenied');
});

test('each browser signs in from its own address: failures elsewhere do not lock out the right password', async ({ browser }) => {
  test.setTimeout(180_000);
  // The main server trusts the loopback proxy (playwright.config.ts), which these contexts play.
  const attacker = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.201' } });
  const page = await attacker.newPage();
  await page.goto(`/sign-in/${ACCOUNT_ID}`);
  const alert = page.getByRole('main').getByRole('alert');
  let throttled = false;
  for (let attempt = 0; attempt < 24 && !throttled; attempt++) {
    await page.getByLabel('IAM user name').fill(`ghost-${attempt}`);
    await page.getByLabel('Password', { exact: true }).fill('Wrong-Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    throttled = /Too many failed sign-in attempts/.test((await alert.textContent()) ?? '');
  }
  expect(throttled).toBe(true);
  await attacker.close();

  const { userName, password } = await createConsoleUser(adminIam());
  const someoneElse = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.202' } });
  const page2 = await someoneElse.newPage();
  await signInAsUser(page2, userName, password);
  await expectDashboard(page2, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
  await someoneElse.close();
});

test("the console's own calls carry the browser's address, so aws:SourceIp judges the person, not the console", async ({ browser }) => {
  const admin = adminIam();
  const { userName, password } = await createConsoleUser(admin);
  await admin.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'office-only',
      PolicyDocument: allow([
        {
          Effect: 'Allow',
          Action: 'iam:GetAccountSummary',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
        },
      ]),
    }),
  );
  for (const [address, allowed] of [
    ['198.51.100.9', true],
    ['203.0.113.9', false],
  ] as const) {
    // The main server trusts the loopback proxy (playwright.config.ts), which these contexts play.
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
    const page = await context.newPage();
    await signInAsUser(page, userName, password);
    await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`);
    const summary = page.getByRole('region', { name: 'IAM resources' });
    if (allowed) {
      await expect(summary).toContainText('Users');
      await expect(summary.getByRole('alert')).toHaveCount(0);
    } else {
      await expect(summary.getByRole('alert')).toContainText('You are not allowed to perform iam:GetAccountSummary');
    }
    await context.close();
  }
});

test("the console's routes refuse a body over 1 MiB before reading it; a sign-in-sized post is still served", async () => {
  const base = `http://127.0.0.1:${MAIN_PORT}`;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  for (const route of ['/api/auth/callback/gatehouse', '/sign-in']) {
    const large = await fetch(base + route, { method: 'POST', headers: form, body: Buffer.alloc(2 * 1024 * 1024, 'a') });
    expect(large.status).toBe(413);
    expect(await large.text()).toBe('Request body must be at most 1048576 bytes.');
  }
  // Just under the bound: next-auth answers it as a sign-in without a CSRF token, not as a refused size.
  const small = await fetch(`${base}/api/auth/callback/gatehouse`, { method: 'POST', headers: form, body: 'a=1' });
  expect(small.status).not.toBe(413);
});
