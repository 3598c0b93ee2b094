// Fuzz of the SAML response verifier: whatever arrives (random text, random base64, a signed response with bytes
// flipped), the answer is an AWS error (InvalidIdentityToken / ExpiredTokenException) or a verified assertion —
// never a crash, and never a verified assertion for a response changed after signing.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../core/errors';
import { verifySamlResponse } from './saml-assertion';

const FIXTURES = path.join(__dirname, '../../e2e/integration/fixtures');
const CERT = fs.readFileSync(path.join(FIXTURES, 'cert-a.pem'), 'utf8');
const KEY = fs.readFileSync(path.join(FIXTURES, 'key-a.pem'), 'utf8');
const IDP = 'https://idp.example.com/saml';
const provider = {
  arn: 'arn:aws:iam::123456789012:saml-provider/idp',
  name: 'idp',
  createDate: '2026-01-01T00:00:00Z',
  validUntil: '2036-01-01T00:00:00Z',
  metadataDocument: `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${IDP}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT.replace(/-----[A-Z ]+-----|\s+/g, '')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`,
};
const NOW = new Date();

function signedResponse(): string {
  const until = new Date(NOW.getTime() + 300_000).toISOString();
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="${NOW.toISOString()}">` +
    `<saml:Issuer>${IDP}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="_a" Version="2.0" IssueInstant="${NOW.toISOString()}"><saml:Issuer>${IDP}</saml:Issuer>` +
    `<saml:Subject><saml:NameID>alice</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="https://signin.aws.amazon.com/saml"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AttributeStatement><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>arn:aws:iam::123456789012:role/r,${provider.arn}</saml:AttributeValue></saml:Attribute>` +
    `<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>alice</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  const signer = new SignedXml({
    privateKey: KEY,
    publicCert: CERT,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  signer.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  return signer.getSignedXml();
}

/** The outcome of verifying: 'ok' with the session name, or the AWS error code; anything else fails the test. */
function outcome(samlAssertion: string): string {
  try {
    return `ok:${verifySamlResponse(provider, '123456789012', samlAssertion, NOW).sessionName}`;
  } catch (error) {
    if (error instanceof AwsError) return error.code;
    throw error;
  }
}

describe('verifySamlResponse', () => {
  const good = signedResponse();

  it('verifies the untouched response', () => {
    expect(outcome(Buffer.from(good).toString('base64'))).toBe('ok:alice');
  });

  it('answers an AWS error for arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => Buffer.from(s).toString('base64')),
          fc.uint8Array().map((b) => Buffer.from(b).toString('base64')),
        ),
        (input) => {
          expect(outcome(input)).toMatch(/^[A-Za-z]+$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never verifies a response changed inside the signed assertion', () => {
    const start = good.indexOf('<saml:Assertion');
    const end = good.indexOf('</saml:Assertion>');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end - 1 }), fc.integer({ min: 32, max: 126 }), (at, code) => {
        const changed = good.slice(0, at) + String.fromCharCode(code) + good.slice(at + 1);
        const result = outcome(Buffer.from(changed).toString('base64'));
        // Only changes canonicalization erases (whitespace between attributes, quote style) may still verify.
        if (result.startsWith('ok:')) expect(result).toBe('ok:alice');
        else expect(result).toMatch(/^(InvalidIdentityToken|ExpiredTokenException)$/);
      }),
      { numRuns: 300 },
    );
  });
});
