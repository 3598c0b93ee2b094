// A console session ends when its time is up (the short-session server (GH_E2E_PORT + 1) limits sessions to 10 seconds) or when its
// cookie is tampered with.
import { expect, test } from './test';
import { SHORT_PORT } from './ports';
import { ACCOUNT_ID, ADMIN_KEYS, expectDashboard, signInWithKeys } from './helpers';

test.use({ baseURL: `http://localhost:${SHORT_PORT}` });

test('an expired session sends the person back to sign-in, saying why', async ({ page }) => {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.waitForTimeout(11_000);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
  // Next's streaming can leave a hidden copy of a suspended boundary in the DOM: look at the visible one.
  await expect(page.getByText('Your session has expired. Sign in again.').filter({ visible: true })).toBeVisible();
  const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
  expect(session).toEqual({});
});

test('a tampered session cookie is no session', async ({ page, context }) => {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  // Leave the console first: a background session refresh could otherwise re-set a valid cookie after ours.
  await page.goto('about:blank');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.startsWith('next-auth.session-token'))!;
  const flipped = session.value.slice(0, -4) + (session.value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  await context.addCookies([{ ...session, value: flipped }]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});
