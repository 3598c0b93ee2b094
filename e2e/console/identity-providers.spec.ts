// Identity providers in the console: add a SAML provider from its metadata and an OpenID Connect provider, manage
// the OIDC audiences, see a field-level error for a bad URL, delete a provider — each checked through the API.
import fs from 'node:fs';
import path from 'node:path';
import { GetOpenIDConnectProviderCommand, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import { expect, test } from './test';
import { ACCOUNT_ID, ADMIN_KEYS, adminIam, expectDashboard, signInWithKeys, unique } from './helpers';

const CERT = fs.readFileSync(path.join(__dirname, '../integration/fixtures/cert-a.pem'), 'utf8').replace(/-----[A-Z ]+-----|\s+/g, '');
const METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com/saml"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`;

test('add, inspect and delete SAML and OpenID Connect providers', async ({ page }) => {
  const admin = adminIam();
  const samlName = unique('e2e-idp');
  const host = `${unique('e2e-oidc')}.example.com`;

  await signInWithKeys(page, ADMIN_KEYS);
  await expectDashboard(page, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Identity providers' }).click();
  await expect(page.getByRole('heading', { name: 'Identity providers', level: 1 })).toBeVisible();

  // SAML, from pasted metadata.
  const form = page.getByRole('form', { name: 'Add provider' });
  await form.getByLabel('Provider name').fill(samlName);
  await form.getByLabel('Metadata document').fill(METADATA);
  await form.getByRole('button', { name: 'Add provider' }).click();
  const table = page.getByRole('table', { name: 'Identity providers' });
  await expect(table.getByRole('row').filter({ hasText: samlName })).toContainText('SAML');
  const samlArn = `arn:aws:iam::${ACCOUNT_ID}:saml-provider/${samlName}`;
  expect((await admin.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn)).toContain(samlArn);

  // OpenID Connect: a bad URL is pointed out at its field, then a good one is added.
  await form.getByLabel('OpenID Connect').check();
  await form.getByLabel('Provider URL').fill(`http://${host}`);
  await form.getByLabel('Audiences').fill('app-1');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(form.getByLabel('Provider URL')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Provider URL').fill(`https://${host}`);
  await form.getByLabel('Thumbprints').fill('a'.repeat(40));
  await form.getByRole('button', { name: 'Add provider' }).click();
  const oidcRow = table.getByRole('row').filter({ hasText: host });
  await expect(oidcRow).toContainText('OpenID Connect');

  // Its audiences.
  await oidcRow.getByRole('button', { name: host, exact: true }).click();
  const details = page.getByRole('region', { name: `Provider ${host}` });
  await details.getByLabel('New audience').fill('app-2');
  await details.getByRole('button', { name: 'Add audience' }).click();
  await expect(details.getByRole('button', { name: 'Remove audience app-2' })).toBeVisible();
  const oidcArn = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/${host}`;
  expect((await admin.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidcArn }))).ClientIDList).toEqual([
    'app-1',
    'app-2',
  ]);
  await details.getByRole('button', { name: 'Remove audience app-1' }).click();
  await expect(details.getByRole('button', { name: 'Remove audience app-1' })).toHaveCount(0);

  // Delete the SAML provider.
  await table.getByRole('button', { name: `Delete ${samlName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete provider' }).click();
  await expect(table.getByRole('row').filter({ hasText: samlName })).toHaveCount(0);
  expect((await admin.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn)).not.toContain(samlArn);
});
