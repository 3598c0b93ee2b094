// SAML metadata checks: well-formed XML with an EntityDescriptor root; validUntil and signing certificates read.
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../core/errors';
import { parseSamlMetadata, validUntilOf } from './saml-metadata';

const GOOD = `<?xml version="1.0"?>
<!-- IdP metadata -->
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com" validUntil="2031-05-01T00:00:00Z">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>
      MIIB
      abcd==
    </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;

describe('parseSamlMetadata', () => {
  it('reads the entity id, validUntil and the signing certificates of well-formed metadata', () => {
    expect(parseSamlMetadata(GOOD)).toEqual({
      entityId: 'https://idp.example.com',
      validUntil: '2031-05-01T00:00:00.000Z',
      certificates: ['MIIBabcd=='],
    });
  });

  it.each([
    ['an unclosed element', GOOD.replace('</md:IDPSSODescriptor>', '')],
    ['mismatched closing tags', GOOD.replace('</md:EntityDescriptor>', '</md:EntitiesDescriptor>')],
    ['another root element', '<html><body>hello</body></html>'],
    ['text after the root', `${GOOD}trailing`],
    ['two roots', `${GOOD}<md:EntityDescriptor/>`],
    ['a stray angle bracket', GOOD.replace('<md:SingleSignOnService', '< md:SingleSignOnService')],
    ['a bad validUntil', GOOD.replace('2031-05-01T00:00:00Z', 'someday')],
    ['not XML at all', 'just some text'],
    ['a document type declaration', GOOD.replace('<!-- IdP metadata -->', '<!DOCTYPE md [<!ENTITY x "x">]>')],
    ['an EntityDescriptor outside the SAML metadata namespace', '<EntityDescriptor entityID="https://idp.example.com"/>'],
    ['an unquoted attribute', GOOD.replace('use="signing"', 'use=signing')],
  ])('rejects %s with InvalidInput', (_case, document) => {
    expect(() => parseSamlMetadata(document)).toThrow(InvalidInput);
  });

  it('trusts only the signing certificates of the IdP descriptor, not encryption keys or certificates elsewhere', () => {
    const document = GOOD.replace(
      '<md:SingleSignOnService',
      '<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>ENCRYPTION</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>' +
        '<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>NOUSE</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>' +
        '<md:Extensions><ds:X509Certificate>STRAY</ds:X509Certificate></md:Extensions>' +
        '<md:KeyDescriptor use="signing"><KeyInfo><X509Data><X509Certificate>NONAMESPACE</X509Certificate></X509Data></KeyInfo></md:KeyDescriptor>' +
        '<md:SingleSignOnService',
    ).replace(
      '</md:EntityDescriptor>',
      '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>SERVICEPROVIDER</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:SPSSODescriptor></md:EntityDescriptor>',
    );
    expect(parseSamlMetadata(document).certificates).toEqual(['MIIBabcd==', 'NOUSE']);
  });

  it('reads metadata without entityID or validUntil', () => {
    expect(parseSamlMetadata('<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>')).toEqual({ certificates: [] });
  });

  it('defaults ValidUntil to a hundred years after upload', () => {
    expect(validUntilOf({ certificates: [] }, new Date('2026-01-02T03:04:05Z'))).toBe('2126-01-02T03:04:05.000Z');
  });
});
