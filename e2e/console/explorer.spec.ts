// The explorer answers "who can do X on Y" over the demo account and shows a principal's groups and policies.
import { expect, test, type Page } from './test';
import { ACCOUNT_ID, expectDashboard, signInAsRoot } from './helpers';

async function openExplorer(page: Page, query = '') {
  await signInAsRoot(page);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:root`);
  await page.goto(`/explorer${query}`);
  await expect(page.getByRole('heading', { name: 'Explorer', level: 1 })).toBeVisible();
  await expect(page.getByTestId('snapshot-summary')).toContainText('users');
}

async function ask(page: Page, action: string) {
  await page.getByLabel('Action', { exact: true }).fill(action);
  await page.getByRole('button', { name: 'Ask who can' }).click();
  await expect(page.getByTestId('who-can-status')).toContainText(`for ${action} on *`);
}

test("the snapshot summary says when the account was read, in the console's one UTC format", async ({ page }) => {
  await openExplorer(page);
  await expect(page.getByTestId('snapshot-summary')).toContainText(/ · read \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
});

test('who can iam:CreateUser on *: admin is allowed, the read-only user implicitly denied', async ({ page }) => {
  await openExplorer(page);
  await ask(page, 'iam:CreateUser');
  await expect(page).toHaveURL(/action=iam%3ACreateUser/);

  const panel = page.getByRole('tabpanel');
  const admin = panel.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'admin', exact: true }) });
  await expect(admin).toBeVisible();
  await expect(admin).toContainText('Allow · AdministratorAccess');
  await expect(admin).toContainText('group Administrators');
  await expect(admin.getByRole('link', { name: 'admin', exact: true })).toHaveAttribute('href', '/users/admin');

  await page.getByRole('tab', { name: /Implicitly denied/ }).click();
  await expect(page).toHaveURL(/tab=implicitDeny/);
  const denied = page
    .getByRole('tabpanel')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'techsquawks-user-2a', exact: true }) });
  await expect(denied).toContainText('No statement allows iam:CreateUser.');

  // The URL carries the question: a reload asks it again and lands on the same tab.
  await page.reload();
  await expect(page.getByTestId('who-can-status')).toContainText('for iam:CreateUser on *');
  await expect(page.getByRole('tab', { name: /Implicitly denied/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'techsquawks-user-2a', exact: true })).toBeVisible();
});

test('who can s3:GetObject: the ReadOnly user is allowed through its group', async ({ page }) => {
  await openExplorer(page);
  await ask(page, 's3:GetObject');
  const panel = page.getByRole('tabpanel');
  const readOnly = panel.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'techsquawks-user-2a', exact: true }) });
  await expect(readOnly).toContainText('ReadOnlyAccess');
  await expect(readOnly).toContainText('group Devops');
  await expect(panel.getByRole('link', { name: 'ec2-app-role', exact: true })).toHaveAttribute('href', '/roles/ec2-app-role');
});

test('the account by path, and the graph of a selected user', async ({ page }) => {
  await openExplorer(page, '?path=%2Fexample%2Fpath%2F');
  const selectedNode = page.getByRole('treeitem', { selected: true });
  await expect(selectedNode).toContainText('path/');
  await expect(selectedNode).toContainText('3u · 0g · 0r');
  await expect(page.getByRole('treeitem').filter({ hasText: /^.*ci\// })).toContainText('0u · 0g · 1r');
  const entities = page.getByRole('list', { name: 'Users, groups and roles under the path' });
  await entities.getByRole('button', { name: /techsquawks-user-2a/ }).click();
  await expect(page).toHaveURL(/principal=user%3Atechsquawks-user-2a/);
  const relations = page.getByRole('list', { name: 'Relations of the selected principal' });
  await expect(relations).toContainText('techsquawks-user-2a');
  await expect(relations).toContainText('member of');
  const member = relations.getByRole('listitem').filter({ hasText: 'member of' });
  await expect(member.getByRole('link', { name: 'Devops' })).toHaveAttribute('href', '/groups/Devops');
  const attached = relations.getByRole('listitem').filter({ hasText: 'attached' });
  await expect(attached.getByRole('link', { name: 'ReadOnlyAccess' })).toHaveAttribute(
    'href',
    '/policies/detail?arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess',
  );
  const graph = page.getByTestId('principal-graph');
  await expect(graph.locator('.react-flow__node')).toHaveCount(3);

  // Clicking the group in the graph follows it: its members and policies.
  await graph.locator('.react-flow__node').filter({ hasText: 'Devops' }).click();
  await expect(page).toHaveURL(/principal=group%3ADevops/);
  await expect(
    relations.getByRole('listitem').filter({ hasText: 'member of' }).getByRole('link', { name: 'techsquawks-user-2a' }),
  ).toBeVisible();
});
