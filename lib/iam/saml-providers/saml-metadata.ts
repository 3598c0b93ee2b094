// Checks a SAML metadata document as IAM does on upload: well-formed XML whose root is an EntityDescriptor.
import { InvalidInput } from '../../protocol/errors';

/** What Gatehouse reads from a metadata document. */
export interface SamlMetadata {
  entityId?: string;
  /** The root's `validUntil`, when given. */
  validUntil?: string;
  /** Base64 bodies of the `X509Certificate` elements (the IdP's signing certificates). */
  certificates: string[];
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/?([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
const INVALID = 'Could not parse metadata';

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Parses just enough XML to check well-formedness of the element structure; throws InvalidInput otherwise. */
export function parseSamlMetadata(document: string): SamlMetadata {
  const stack: string[] = [];
  let root: { name: string; attributes: string } | undefined;
  let rootClosed = false;
  const certificates: string[] = [];
  let certificateStart = -1;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(document); m !== null; m = TOKEN.exec(document)) {
    const between = document.slice(last, m.index);
    if (rootClosed || !root) {
      if (between.trim() !== '') throw new InvalidInput(INVALID);
    }
    last = m.index + m[0].length;
    const token = m[0];
    if (token === '<' || token === '>') throw new InvalidInput(INVALID);
    if (token.startsWith('<!--') || token.startsWith('<?') || token.startsWith('<!DOCTYPE')) continue;
    if (token.startsWith('<![CDATA[')) {
      if (stack.length === 0) throw new InvalidInput(INVALID);
      continue;
    }
    const name = m[1];
    if (token.startsWith('</')) {
      if (stack.pop() !== name) throw new InvalidInput(INVALID);
      if (localName(name) === 'X509Certificate' && certificateStart >= 0) {
        certificates.push(document.slice(certificateStart, m.index).replace(/\s+/g, ''));
        certificateStart = -1;
      }
      if (stack.length === 0) rootClosed = true;
      continue;
    }
    if (rootClosed) throw new InvalidInput(INVALID);
    if (!root) root = { name, attributes: m[2] ?? '' };
    const selfClosing = m[3] === '/';
    if (!selfClosing) {
      stack.push(name);
      if (localName(name) === 'X509Certificate') certificateStart = last;
    } else if (stack.length === 0) {
      rootClosed = true;
    }
  }
  if (document.slice(last).trim() !== '' || !root || !rootClosed || stack.length > 0) throw new InvalidInput(INVALID);
  if (localName(root.name) !== 'EntityDescriptor') throw new InvalidInput(INVALID);
  const validUntil = attribute(root.attributes, 'validUntil');
  if (validUntil !== undefined && Number.isNaN(Date.parse(validUntil))) throw new InvalidInput(INVALID);
  return { entityId: attribute(root.attributes, 'entityID'), validUntil: validUntil && new Date(validUntil).toISOString(), certificates };
}

/** The provider's ValidUntil: the metadata's own, else 100 years after upload. */
export function validUntilOf(metadata: SamlMetadata, now: Date): string {
  if (metadata.validUntil) return metadata.validUntil;
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + 100);
  return until.toISOString();
}
