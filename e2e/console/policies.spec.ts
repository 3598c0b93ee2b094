// Policies journey: create a policy, meet a validation finding inline as you type, fix it, save a new version and
// set it as default after seeing the difference in effective permissions.
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { expect, test, type Page } from './test';
import { adminIam, signInAsRoot, unique } from './helpers';

/** Replaces the whole text of the policy editor (CodeMirror) as a person pasting would. */
async function replaceEditorText(page: Page, text: string) {
  const content = page.getByRole('textbox', { name: /Policy document \(JSON\)/ });
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

const policy = (effect: string, actions: string[]) =>
  JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: effect, Action: actions, Resource: 'arn:aws:s3:::e2e-bucket/*' }] },
    null,
    2,
  );

test('create a policy, see a finding inline, fix it, and set a new version as default with its permission diff', async ({
  page,
  baseURL,
}) => {
  const iam = adminIam(Number(new URL(baseURL!).port));
  const policyName = unique('e2e-policy');
  await signInAsRoot(page);
  await expect(page.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();

  await page.goto('/policies/new');
  // The starting document is valid: no finding, no lint mark, Create enabled once named.
  await page.getByLabel('Policy name').fill(policyName);
  await expect(page.getByTestId('policy-editor')).toContainText('s3:GetObject');
  await page.waitForTimeout(1_000);
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create policy' })).toBeEnabled();
  await replaceEditorText(page, policy('Alow', ['s3:GetObject']));

  // The finding appears as you type: in the list, and as a lint mark at the Effect value in the editor.
  const findings = page.getByTestId('policy-findings');
  await expect(findings).toContainText('Invalid effect: Alow');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create policy' })).toBeDisabled();
  await expect(page.getByTestId('policy-size-meter')).toContainText('/ 6,144');

  // Actions are checked against the action catalogue (on the server, shortly after typing stops).
  await replaceEditorText(page, policy('Allow', ['s3:GetObjekt']));
  await expect(findings).toContainText('Unknown action "s3:GetObjekt"');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);

  // Invalid JSON is reported too.
  await replaceEditorText(page, '{ "Version": "2012-10-17", "Statement": [ ');
  await expect(findings).toContainText(/JSON|Syntax/i);

  await replaceEditorText(page, policy('Allow', ['s3:GetObject']));
  await expect(findings).not.toContainText('Invalid effect');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create policy' }).click();

  await expect(page.getByRole('heading', { name: policyName })).toBeVisible();
  const policyArn = (await page.getByTestId('policy-arn').textContent())!.trim();
  expect(policyArn).toBe(`arn:aws:iam::123456789012:policy/${policyName}`);

  // Edit → a new version (not yet the default).
  await page.getByRole('button', { name: 'Edit policy' }).click();
  await replaceEditorText(page, policy('Allow', ['s3:GetObject', 's3:PutObject']));
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText('Version v2 created.')).toBeVisible();

  // Before it becomes the default, the effective-permission difference is shown.
  await page.getByRole('button', { name: 'Review and set v2 as default' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('newly-allowed')).toContainText('s3:PutObject');
  await expect(dialog.getByTestId('newly-allowed')).toContainText('arn:aws:s3:::e2e-bucket/*');
  await expect(dialog.getByTestId('newly-allowed')).not.toContainText('s3:GetObject');
  await expect(dialog.getByTestId('newly-denied')).toContainText('Nothing.');
  await dialog.getByRole('button', { name: 'Set v2 as default' }).click();
  await expect(dialog).toBeHidden();

  // The versions tab (in the URL) shows v2 as the default; the API agrees.
  await page.getByRole('tab', { name: /Versions/ }).click();
  await expect(page).toHaveURL(/tab=versions/);
  await expect(page.getByRole('row', { name: /v2.*Default/ })).toBeVisible();
  // A text diff between any two versions: by default the default version against the newest other one.
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await compare.getByRole('combobox', { name: 'Compare from version' }).selectOption('v1');
  await compare.getByRole('combobox', { name: 'Compare to version' }).selectOption('v2');
  await expect(compare.getByTestId('version-diff-summary')).toHaveText('1 line(s) removed, 2 added from v1 to v2.');
  await expect(compare.locator('[data-kind="added"]').filter({ hasText: '"s3:PutObject"' })).toHaveCount(1);
  await compare.getByRole('combobox', { name: 'Compare to version' }).selectOption('v1');
  await expect(compare.getByTestId('version-diff-summary')).toHaveText('v1 and v1 are the same document.');
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  expect(Policy?.DefaultVersionId).toBe('v2');
  const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: 'v2' }));
  expect(decodeURIComponent(PolicyVersion!.Document!)).toContain('s3:PutObject');

  // Going back to v1 shows the reverse: PutObject is no longer allowed.
  await page.getByRole('button', { name: 'Set v1 as default' }).click();
  await expect(page.getByRole('dialog').getByTestId('newly-denied')).toContainText('s3:PutObject');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // The list finds it by name, with the filters in the URL.
  await page.goto('/policies?scope=Local');
  await page.getByLabel('Search by name').fill(policyName);
  await expect(page).toHaveURL(new RegExp(`q=${policyName}`));
  await expect(page.getByRole('link', { name: policyName })).toBeVisible();
});
