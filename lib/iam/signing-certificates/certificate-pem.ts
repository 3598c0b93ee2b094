// X.509 certificates in PEM as IAM accepts them, parsed with node:crypto; random certificate ids.
import { randomBytes, X509Certificate } from 'node:crypto';
import { MalformedCertificate } from '../../core/errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Parses one PEM certificate, or throws AWS's MalformedCertificate. */
export function parseCertificate(body: string): X509Certificate {
  const blocks = body.match(PEM_BLOCK);
  if (!blocks || blocks.length !== 1)
    throw new MalformedCertificate('Unable to parse certificate. Please ensure the certificate is in PEM format.');
  try {
    return new X509Certificate(blocks[0]);
  } catch {
    throw new MalformedCertificate('Unable to parse certificate. Please ensure the certificate is in PEM format.');
  }
}

/** Parses every certificate of a chain (one or more PEM blocks), or throws MalformedCertificate. */
export function parseCertificateChain(chain: string): X509Certificate[] {
  const blocks = chain.match(PEM_BLOCK);
  if (!blocks) throw new MalformedCertificate('Unable to parse certificate chain. Please ensure the chain is in PEM format.');
  return blocks.map((block) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw new MalformedCertificate('Unable to parse certificate chain. Please ensure the chain is in PEM format.');
    }
  });
}

/** A certificate id like AWS's: 32 upper-case letters and digits. */
export function newCertificateId(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}
