// Checks a SAML metadata document as IAM does on upload: well-formed XML whose root is a SAML 2.0 metadata
// EntityDescriptor. Its signing certificates become the provider's trust anchors for AssumeRoleWithSAML, so the
// document is read with an XML parser (@xmldom/xmldom), never pattern-matched.
import { DOMParser } from '@xmldom/xmldom';
import { InvalidInput } from '../../core/errors';

/** What Gatehouse reads from a metadata document. */
export interface SamlMetadata {
  entityId?: string;
  /** The root's `validUntil`, when given. */
  validUntil?: string;
  /**
   * Base64 bodies (whitespace removed) of the IdP's signing certificates: the `ds:X509Certificate`s of the
   * `md:IDPSSODescriptor`'s `md:KeyDescriptor`s whose `use` is `signing` or absent (an encryption key signs nothing).
   */
  certificates: string[];
}

const METADATA = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const INVALID = 'Could not parse metadata';

function parseXml(document: string): Element {
  // A document type declaration is never needed by metadata and is where entity-expansion attacks live.
  if (/<!DOCTYPE/i.test(document)) throw new InvalidInput(INVALID);
  // xmldom 0.8 recovers from some malformations with only a warning (an unclosed element): any report fails.
  let failed = false;
  const fail = () => (failed = true);
  const parsed = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(document, 'text/xml');
  const root = parsed?.documentElement;
  if (failed || !root) throw new InvalidInput(INVALID);
  // One root element; around it only comments, processing instructions and white space (xmldom keeps the rest).
  for (let node = parsed.firstChild; node; node = node.nextSibling) {
    if (node === root || node.nodeType === 7 || node.nodeType === 8) continue;
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim() === '') continue;
    throw new InvalidInput(INVALID);
  }
  return root;
}

function children(parent: Element, namespace: string, name: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType === 1 && element.namespaceURI === namespace && element.localName === name) out.push(element);
  }
  return out;
}

/** Parses the document; throws InvalidInput when it is not well-formed SAML metadata. */
export function parseSamlMetadata(document: string): SamlMetadata {
  const root = parseXml(document);
  if (root.namespaceURI !== METADATA || root.localName !== 'EntityDescriptor') throw new InvalidInput(INVALID);
  const validUntil = root.hasAttribute('validUntil') ? root.getAttribute('validUntil')! : undefined;
  if (validUntil !== undefined && Number.isNaN(Date.parse(validUntil))) throw new InvalidInput(INVALID);
  const certificates: string[] = [];
  for (const idp of children(root, METADATA, 'IDPSSODescriptor')) {
    for (const key of children(idp, METADATA, 'KeyDescriptor')) {
      const use = key.getAttribute('use');
      if (use && use !== 'signing') continue;
      for (const info of children(key, DSIG, 'KeyInfo')) {
        for (const data of children(info, DSIG, 'X509Data')) {
          for (const certificate of children(data, DSIG, 'X509Certificate')) {
            const body = (certificate.textContent ?? '').replace(/\s+/g, '');
            if (body) certificates.push(body);
          }
        }
      }
    }
  }
  return {
    entityId: root.hasAttribute('entityID') ? root.getAttribute('entityID')! : undefined,
    validUntil: validUntil && new Date(validUntil).toISOString(),
    certificates,
  };
}

/** The provider's ValidUntil: the metadata's own, else 100 years after upload. */
export function validUntilOf(metadata: SamlMetadata, now: Date): string {
  if (metadata.validUntil) return metadata.validUntil;
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + 100);
  return until.toISOString();
}
