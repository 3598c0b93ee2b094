// Verifies a SAML 2.0 response for AssumeRoleWithSAML against a registered SAML provider, as AWS does.
//
// The XML Signature (exclusive canonicalization, RSA/ECDSA with SHA-1/256/512) is checked by xml-crypto with the
// signing certificates of the provider's metadata only: a certificate in the response's own KeyInfo is never
// trusted. Every value is then read from what the signature covers (xml-crypto's signed references), never from
// the document around it, so a response that wraps a genuine signed element beside forged ones gains nothing.
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { parseSamlMetadata } from '../iam/saml-providers/saml-metadata';
import { providerSessionTags } from './federated-role';
import { ExpiredTokenException, InvalidIdentityToken } from '../core/errors';
import type { SamlProviderRecord } from '../store/types';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
/** AWS's SAML sign-in endpoint, global or regional (`/saml` or `/static/saml`). */
const AWS_ENDPOINT = /^https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/(static\/)?saml$/;
/** The audiences AWS accepts: its sign-in endpoint and the `urn:amazon:webservices` URN. */
const AWS_AUDIENCE = (audience: string) => AWS_ENDPOINT.test(audience) || audience === 'urn:amazon:webservices';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/** Clock skew tolerated for NotBefore and NotOnOrAfter. */
const SKEW_MS = 5 * 60 * 1000;

/** What a verified response yields. */
export interface VerifiedSamlAssertion {
  issuer: string;
  subject: string;
  /** AWS's SubjectType: the NameID format without the `urn:oasis:names:tc:SAML:2.0:nameid-format:` prefix. */
  subjectType: string;
  /** The SubjectConfirmationData `Recipient` (AWS's `Audience` answer and `saml:aud`). */
  recipient: string;
  sessionName: string;
  /** Seconds until the assertion's AuthnStatement `SessionNotOnOrAfter`, when it sets one. */
  sessionSecondsLeft?: number;
  sourceIdentity?: string;
  /** Session tags from `PrincipalTag:*` attributes, and the `TransitiveTagKeys` among them. */
  tags?: Record<string, string>;
  transitiveTagKeys?: string[];
  /** The `Role` attribute's pairs. */
  roles: { roleArn: string; providerArn: string }[];
  /** Base64(SHA-1(issuer + account id + "/" + provider name)), as AWS computes NameQualifier. */
  nameQualifier: string;
}

const invalid = (reason: string) => new InvalidIdentityToken(`Invalid SAML response: ${reason}`);

function parseXml(xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw invalid('a document type declaration is not allowed.');
  let failure: string | undefined;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (message: string) => (failure ??= message),
      fatalError: (message: string) => (failure ??= message),
    },
  }).parseFromString(xml, 'text/xml');
  if (failure !== undefined || !doc?.documentElement) throw invalid('it is not well-formed XML.');
  return doc as unknown as Document;
}

function children(parent: Element, namespace: string, name: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === namespace && (node as Element).localName === name)
      out.push(node as Element);
  }
  return out;
}

function child(parent: Element | undefined, namespace: string, name: string): Element | undefined {
  return parent ? children(parent, namespace, name)[0] : undefined;
}

function text(element: Element | undefined): string | undefined {
  const value = element?.textContent?.trim();
  return value ? value : undefined;
}

function pem(base64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64
    .replace(/\s+/g, '')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END CERTIFICATE-----\n`;
}

function time(value: string | null | undefined, what: string): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalid(`${what} is not a valid time.`);
  return ms;
}

/**
 * The signed assertion of the response: a signature on the whole Response (then its one Assertion) or on the
 * Assertion, checked with the provider's certificates; the element is re-read from the signed bytes.
 */
function signedAssertion(xml: string, response: Element, certificates: string[]): Element {
  const assertions = children(response, ASSERTION, 'Assertion');
  if (assertions.length !== 1) throw invalid(`it must carry exactly one Assertion (it has ${assertions.length}).`);
  const signatures = [...children(response, DSIG, 'Signature'), ...children(assertions[0], DSIG, 'Signature')];
  if (signatures.length === 0) throw invalid('neither the response nor its assertion is signed.');
  for (const signature of signatures) {
    for (const certificate of certificates) {
      const verifier = new SignedXml({ publicCert: pem(certificate), getCertFromKeyInfo: () => null });
      try {
        verifier.loadSignature(signature);
        if (!verifier.checkSignature(xml)) continue;
      } catch {
        continue;
      }
      const signed = verifier.getSignedReferences();
      if (signed.length !== 1) continue;
      const root = parseXml(signed[0]).documentElement;
      if (root.namespaceURI === ASSERTION && root.localName === 'Assertion') return root;
      if (root.namespaceURI === PROTOCOL && root.localName === 'Response') {
        const inner = children(root, ASSERTION, 'Assertion');
        if (inner.length === 1) return inner[0];
      }
    }
  }
  throw invalid('the signature does not verify with a signing certificate of the SAML provider’s metadata.');
}

/** Verifies a base64 SAML response for `provider`; throws InvalidIdentityToken or ExpiredTokenException. */
export function verifySamlResponse(
  provider: SamlProviderRecord,
  accountId: string,
  samlAssertion: string,
  now: Date,
): VerifiedSamlAssertion {
  const encoded = samlAssertion.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(encoded)) throw invalid('the assertion is not base64-encoded.');
  const xml = Buffer.from(encoded, 'base64').toString('utf8');
  const response = parseXml(xml).documentElement;
  if (response.namespaceURI !== PROTOCOL || response.localName !== 'Response') throw invalid('the document is not a SAML 2.0 Response.');
  const status = child(child(response, PROTOCOL, 'Status'), PROTOCOL, 'StatusCode')?.getAttribute('Value');
  if (status !== SUCCESS) throw invalid(`the identity provider reported status ${status ?? '(none)'}.`);

  const metadata = parseSamlMetadata(provider.metadataDocument);
  if (metadata.certificates.length === 0) throw invalid('the SAML provider’s metadata has no signing certificate.');
  const assertion = signedAssertion(xml, response, metadata.certificates);

  const issuer = text(child(assertion, ASSERTION, 'Issuer'));
  if (!issuer) throw invalid('the assertion has no Issuer.');
  if (metadata.entityId !== undefined && issuer !== metadata.entityId) {
    throw invalid(`the issuer ${issuer} is not the entity ID of the SAML provider’s metadata (${metadata.entityId}).`);
  }

  const subjectElement = child(assertion, ASSERTION, 'Subject');
  const nameId = child(subjectElement, ASSERTION, 'NameID');
  const subject = text(nameId);
  if (!subject) throw invalid('the assertion has no Subject NameID.');
  const format = nameId?.getAttribute('Format') || 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified';
  const subjectType = format.replace(/^urn:oasis:names:tc:SAML:2\.0:nameid-format:/, '');
  // AWS: exactly one bearer SubjectConfirmation, whose SubjectConfirmationData has NotOnOrAfter and a Recipient that
  // is AWS's sign-in endpoint; without them an assertion would never expire, or one meant for another service
  // provider would be taken.
  const confirmations = subjectElement ? children(subjectElement, ASSERTION, 'SubjectConfirmation') : [];
  if (confirmations.length !== 1 || confirmations[0]!.getAttribute('Method') !== BEARER) {
    throw invalid(`the assertion must have exactly one SubjectConfirmation, with Method ${BEARER}.`);
  }
  const confirmation = child(confirmations[0], ASSERTION, 'SubjectConfirmationData');
  if (!confirmation?.getAttribute('NotOnOrAfter')) throw invalid('the SubjectConfirmationData has no NotOnOrAfter.');
  const recipient = confirmation.getAttribute('Recipient') ?? '';
  if (!AWS_ENDPOINT.test(recipient)) {
    throw invalid(`the SubjectConfirmationData Recipient ${recipient || '(none)'} is not https://signin.aws.amazon.com/saml.`);
  }

  const conditions = child(assertion, ASSERTION, 'Conditions');
  const nowMs = now.getTime();
  const notBefore = time(conditions?.getAttribute('NotBefore'), 'Conditions NotBefore');
  if (notBefore !== undefined && nowMs + SKEW_MS < notBefore) throw invalid('the assertion is not valid yet (Conditions NotBefore).');
  for (const [value, what] of [
    [conditions?.getAttribute('NotOnOrAfter'), 'Conditions NotOnOrAfter'],
    [confirmation?.getAttribute('NotOnOrAfter'), 'SubjectConfirmationData NotOnOrAfter'],
  ] as const) {
    const limit = time(value, what);
    if (limit !== undefined && nowMs - SKEW_MS >= limit)
      throw new ExpiredTokenException(`The SAML assertion has expired (${what} ${value}).`);
  }
  const audiences = (conditions ? children(conditions, ASSERTION, 'AudienceRestriction') : []).flatMap((restriction) =>
    children(restriction, ASSERTION, 'Audience').map((a) => text(a) ?? ''),
  );
  const audience = audiences.find(AWS_AUDIENCE);
  if (!audience) throw invalid('the assertion’s AudienceRestriction does not name https://signin.aws.amazon.com/saml.');

  const attributes = new Map<string, string[]>();
  for (const statement of children(assertion, ASSERTION, 'AttributeStatement')) {
    for (const attribute of children(statement, ASSERTION, 'Attribute')) {
      const values = children(attribute, ASSERTION, 'AttributeValue').map((v) => text(v) ?? '');
      attributes.set(attribute.getAttribute('Name') ?? '', values);
    }
  }
  const roles = (attributes.get(`${ATTRIBUTE}Role`) ?? []).flatMap((value) => {
    const parts = value.split(',').map((p) => p.trim());
    const roleArn = parts.find((p) => /^arn:[^:]+:iam::\d{12}:role\//.test(p));
    const providerArn = parts.find((p) => /^arn:[^:]+:iam::\d{12}:saml-provider\//.test(p));
    return parts.length === 2 && roleArn && providerArn ? [{ roleArn, providerArn }] : [];
  });
  const sessionName = attributes.get(`${ATTRIBUTE}RoleSessionName`)?.[0];
  if (!sessionName || !SESSION_NAME.test(sessionName)) {
    throw invalid('the RoleSessionName attribute is missing or not 2 to 64 characters of letters, digits and +=,.@_-.');
  }
  const sourceIdentity = attributes.get(`${ATTRIBUTE}SourceIdentity`)?.[0];
  const tagPairs = [...attributes]
    .filter(([name]) => name.startsWith(`${ATTRIBUTE}PrincipalTag:`))
    .map(([name, values]): [string, string] => [name.slice(`${ATTRIBUTE}PrincipalTag:`.length), values[0] ?? '']);
  const { tags, transitiveTagKeys } = providerSessionTags(tagPairs, attributes.get(`${ATTRIBUTE}TransitiveTagKeys`) ?? [], (message) =>
    invalid(message),
  );

  let sessionSecondsLeft: number | undefined;
  const sessionEnd = time(
    child(assertion, ASSERTION, 'AuthnStatement')?.getAttribute('SessionNotOnOrAfter'),
    'AuthnStatement SessionNotOnOrAfter',
  );
  if (sessionEnd !== undefined) sessionSecondsLeft = Math.floor((sessionEnd - nowMs) / 1000);

  const nameQualifier = createHash('sha1').update(`${issuer}${accountId}/${provider.name}`).digest('base64');
  return {
    issuer,
    subject,
    subjectType,
    recipient,
    sessionName,
    sessionSecondsLeft,
    sourceIdentity,
    tags,
    transitiveTagKeys,
    roles,
    nameQualifier,
  };
}
