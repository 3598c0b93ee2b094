// The policy simulator against the seed's demo data: techsquawks-user-2 (Developers, PowerUserAccess),
// techsquawks-user-2a (Devops, ReadOnlyAccess), role ec2-app-role (ReadOnlyAccess, trusted by EC2).
import { expect, test, type Page } from './test';
import { ACCOUNT_ID, ADMIN_KEYS, expectDashboard, signInWithKeys } from './helpers';

const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/ec2-app-role`;

function cell(page: Page, action: string, resource = '*') {
  return page.locator(`[data-testid="matrix-cell"][data-action="${action}"][data-resource="${resource}"]`);
}

async function openSimulator(page: Page) {
  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.goto('/simulator');
  await expect(page.getByRole('heading', { name: 'Policy simulator' })).toBeVisible();
}

async function pickPrincipal(page: Page, type: 'User' | 'Group' | 'Role', name: string, policies: RegExp) {
  await page.getByLabel('Principal type', { exact: true }).selectOption({ label: type });
  await page.getByLabel('Principal name', { exact: true }).selectOption(name);
  await expect(page.getByTestId('gathered-summary')).toContainText(policies);
}

async function addActions(page: Page, ...actions: string[]) {
  const input = page.getByRole('combobox', { name: 'Actions' });
  for (const action of actions) {
    await input.fill(action);
    await input.press('Enter');
  }
}

/** The text under the editor's highlight (CodeMirror splits a mark into one element per token). */
async function highlightedText(page: Page): Promise<string> {
  await expect(page.locator('[data-testid="active-policy"] .cm-gh-highlight').first()).toBeVisible();
  return (await page.locator('[data-testid="active-policy"] .cm-gh-highlight').allTextContents()).join('');
}

/** Waits until the URL carries the simulation and has stopped changing; returns it. */
async function settledUrl(page: Page): Promise<string> {
  await expect(page).toHaveURL(/[?&]s=/);
  let previous = '';
  await expect
    .poll(
      async () => {
        const current = page.url();
        const stable = current === previous;
        previous = current;
        return stable;
      },
      { intervals: [600, 600, 600, 600] },
    )
    .toBe(true);
  return page.url();
}

test('a user with PowerUserAccess through its group: allowed and denied actions, the highlight on the deciding statement', async ({
  page,
}) => {
  await openSimulator(page);
  await pickPrincipal(page, 'User', 'techsquawks-user-2', /1 policy/);
  await addActions(page, 's3:GetObject', 'iam:CreateUser', 'sts:AssumeRole');
  await page.getByLabel('Resources (ARNs)').fill(ROLE_ARN);
  await page.getByRole('button', { name: 'Add resource' }).click();

  await expect(cell(page, 's3:GetObject', ROLE_ARN)).toHaveAttribute('data-decision', 'allowed');
  await expect(cell(page, 'iam:CreateUser', ROLE_ARN)).toHaveAttribute('data-decision', 'implicitDeny');
  // PowerUserAccess allows sts:AssumeRole, but the role's trust policy names only EC2.
  await expect(cell(page, 'sts:AssumeRole', ROLE_ARN)).toHaveAttribute('data-decision', 'implicitDeny');
  await expect(cell(page, 'sts:AssumeRole', ROLE_ARN)).toContainText('trust policy');

  await cell(page, 's3:GetObject', ROLE_ARN).click();
  const explanation = page.getByTestId('cell-explanation');
  await expect(explanation.getByTestId('explanation-decision')).toHaveText('Allowed');
  await expect(explanation.getByTestId('deciding-statements')).toContainText('PowerUserAccess (group Developers) — statement 1');
  await expect(page.getByTestId('active-policy')).toHaveAttribute(
    'data-policy-id',
    /group Developers:arn:aws:iam::aws:policy\/PowerUserAccess/,
  );
  expect(await highlightedText(page)).toContain('"NotAction"');

  await cell(page, 'iam:CreateUser', ROLE_ARN).click();
  await expect(explanation.getByTestId('explanation-decision')).toHaveText('Implicit deny');
  await expect(explanation.getByTestId('closest-statements')).toContainText('PowerUserAccess');
  await expect(explanation.getByTestId('closest-statements')).toContainText('not matched: action');
  // The closest miss is marked apart from a deciding statement, with a legend and the reason it did not apply.
  await expect(explanation.getByTestId('closest-reason').first()).toHaveText(
    'Did not apply because its Action (or NotAction) does not cover the action.',
  );
  await expect(page.locator('[data-testid="active-policy"] .cm-gh-closest').first()).toBeVisible();
  await expect(page.locator('[data-testid="active-policy"] .cm-gh-highlight')).toHaveCount(0);
  await expect(page.getByTestId('policy-tab').filter({ hasText: 'closest miss' })).toHaveCount(1);
  await expect(page.getByTestId('highlight-legend')).toContainText('closest miss — an Allow that did not apply');
  // "N others did not match the action" opens to those N statements.
  const trace = explanation.getByTestId('statement-trace-details');
  const summary = (await trace.locator('summary').textContent()) ?? '';
  const others = Number(/(\d+) others? did not match the action/.exec(summary)?.[1]);
  expect(others).toBeGreaterThan(0);
  if (!(await trace.getAttribute('open'))) await trace.locator('summary').click();
  await expect(trace.getByTestId('other-statements').getByTestId('statement-trace')).toHaveCount(others);

  await cell(page, 'sts:AssumeRole', ROLE_ARN).click();
  await expect(explanation).toContainText("Judged with the role's trust policy");
  await expect(explanation.getByTestId('closest-statements')).toContainText('not matched: principal');
});

test('the role ec2-app-role: ReadOnlyAccess allows reads, denies writes, and points at the Sid that allowed', async ({ page }) => {
  await openSimulator(page);
  await pickPrincipal(page, 'Role', 'ec2-app-role', /1 policy and a trust policy/);
  await addActions(page, 's3:GetObject', 's3:PutObject');
  await expect(cell(page, 's3:GetObject')).toHaveAttribute('data-decision', 'allowed');
  await expect(cell(page, 's3:PutObject')).toHaveAttribute('data-decision', 'implicitDeny');
  await expect(page.getByTestId('count-allowed')).toHaveText('1');
  await expect(page.getByTestId('count-implicitDeny')).toHaveText('1');

  await cell(page, 's3:GetObject').click();
  const deciding = page.getByTestId('deciding-statements');
  await expect(deciding).toContainText('Sid ReadOnlyActionsGroup');
  const sid = /Sid (ReadOnlyActionsGroup\d+)/.exec((await deciding.textContent()) ?? '')![1];
  await expect.poll(() => highlightedText(page)).toContain(`"Sid": "${sid}"`);
});

test('a what-if edit flips a cell, the diff lists it, and the shared URL reopens the same simulation', async ({ page, context }) => {
  await openSimulator(page);
  await pickPrincipal(page, 'User', 'techsquawks-user-2', /1 policy/);
  await addActions(page, 's3:GetObject', 's3:PutObject');
  await expect(cell(page, 's3:GetObject')).toHaveAttribute('data-decision', 'allowed');

  const edited = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'NoReads', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      ],
    },
    null,
    2,
  );
  await page.locator('[data-testid="active-policy"] .cm-content').fill(edited);
  await expect(cell(page, 's3:GetObject')).toHaveAttribute('data-decision', 'explicitDeny');
  await expect(cell(page, 's3:PutObject')).toHaveAttribute('data-decision', 'allowed');
  await expect(page.getByTestId('what-if-diff')).toContainText('This edit newly denies 1.');
  await expect(page.getByTestId('what-if-diff')).toContainText('denies s3:GetObject on *');

  await cell(page, 's3:GetObject').click();
  await expect(page.getByTestId('deciding-statements')).toContainText('Sid NoReads');
  expect(await highlightedText(page)).toContain('"Sid": "NoReads"');

  const url = await settledUrl(page);
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(cell(reopened, 's3:GetObject')).toHaveAttribute('data-decision', 'explicitDeny');
  await expect(cell(reopened, 's3:PutObject')).toHaveAttribute('data-decision', 'allowed');
  await expect(reopened.getByTestId('what-if-diff')).toContainText('This edit newly denies 1.');
  await expect(reopened.getByLabel('Principal name', { exact: true })).toHaveValue('techsquawks-user-2');
});

test('wildcards expand, several principals compare locally, and the service agrees', async ({ page }) => {
  await openSimulator(page);
  await pickPrincipal(page, 'User', 'techsquawks-user-2a', /1 policy/);
  await addActions(page, 'iam:GetUser', 'iam:CreateUser', 'sts:Get*');
  await expect(page.getByTestId('expanded-count')).toContainText(/\d+ actions simulated/);
  await expect(cell(page, 'sts:GetCallerIdentity')).toHaveAttribute('data-decision', 'allowed');
  await expect(cell(page, 'iam:CreateUser')).toHaveAttribute('data-decision', 'implicitDeny');

  await page.getByRole('tab', { name: 'Principals × actions' }).click();
  await page.getByLabel('Compare principal name', { exact: true }).selectOption('techsquawks-user-2');
  await page.getByRole('button', { name: 'Add to comparison' }).click();
  const principalCell = (principal: string, action: string) =>
    page.locator(`[data-testid="principal-cell"][data-principal="${principal}"][data-action="${action}"]`);
  await expect(principalCell('user techsquawks-user-2a', 'iam:GetUser')).toHaveAttribute('data-decision', 'allowed');
  await expect(principalCell('user techsquawks-user-2', 'iam:GetUser')).toHaveAttribute('data-decision', 'implicitDeny');

  await page.getByRole('tab', { name: 'Check with the service' }).click();
  await page.getByRole('button', { name: 'Check with the service' }).click();
  await expect(page.getByTestId('service-summary')).toContainText('SimulatePrincipalPolicy');
  await expect(page.getByTestId('service-summary')).toContainText('all agree with the local simulation');
});
