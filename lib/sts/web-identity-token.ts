// Verifies an OpenID Connect ID token (JWT) for AssumeRoleWithWebIdentity against a registered OIDC provider.
//
// Gatehouse runs offline and cannot fetch the IdP's JSON Web Key Set, so it verifies only tokens whose header
// carries their signing certificate chain (`x5c`), and trusts that chain only when one of its certificates has
// a SHA-1 thumbprint registered on the provider (ThumbprintList). On AWS a thumbprint pins the TLS certificate of
// the issuer's host, often through its CA ("the top intermediate CA"); so here, as TLS would, a chain pinned by a
// CA must end in a certificate for the issuer's host, every certificate above it must be a CA, and every one must be
// valid now. Otherwise anyone holding any certificate of that CA could sign tokens for any subject. A pinned leaf
// certificate is trusted as such. Tokens without `x5c`, with an unpinned or invalid chain, a bad signature, or an
// unsupported algorithm are InvalidIdentityToken.
// The JWT itself is decoded and its signature verified by `jose`; the claim checks are AWS's, in AWS's order.
import { createHash, X509Certificate } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { ExpiredTokenException, InvalidIdentityToken } from '../core/errors';
import type { OidcProviderRecord, Store } from '../store/types';

/** What a verified token yields. */
export interface VerifiedWebIdentity {
  provider: OidcProviderRecord;
  /** The token's `iss`. */
  issuer: string;
  subject: string;
  /** The token audience that matched one of the provider's client IDs. */
  audience: string;
  claims: Record<string, unknown>;
}

/** JWS algorithms an OIDC provider signs ID tokens with that Gatehouse verifies (AWS: RSA and ECDSA). */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'ES256', 'ES384']);
/** Clock skew tolerated for `iat` and `nbf`. */
const SKEW_MS = 5 * 60 * 1000;
/** Certificates in a token's chain at most (each costs a signature check). */
const MAX_CHAIN = 5;

/** The token's protected header and claims, or InvalidIdentityToken when it is not a compact JWS with JSON parts. */
function decodeToken(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  try {
    return { header: decodeProtectedHeader(token) as Record<string, unknown>, claims: decodeJwt(token) as Record<string, unknown> };
  } catch {
    throw new InvalidIdentityToken('The web identity token is not a valid JWT.');
  }
}

function certificateChain(header: Record<string, unknown>, issuer: string): X509Certificate[] {
  const x5c = header.x5c;
  if (Array.isArray(x5c) && x5c.length > MAX_CHAIN) {
    throw new InvalidIdentityToken(`The certificate chain (x5c) of the web identity token has more than ${MAX_CHAIN} certificates.`);
  }
  if (!Array.isArray(x5c) || x5c.length === 0) {
    throw new InvalidIdentityToken(
      `Gatehouse cannot fetch the JSON Web Key Set of ${issuer} (it has no network access to identity providers): ` +
        'the token header must carry its signing certificate chain (x5c), pinned by a thumbprint of the OIDC provider.',
    );
  }
  return x5c.map((entry) => {
    try {
      if (typeof entry !== 'string') throw new Error('x5c entry');
      return new X509Certificate(Buffer.from(entry, 'base64'));
    } catch {
      throw new InvalidIdentityToken('The certificate chain (x5c) of the web identity token could not be parsed.');
    }
  });
}

/** The host name of an issuer URL (`https://host[:port]/path`), lower-case; undefined when it is not one. */
function issuerHost(issuer: string): string | undefined {
  try {
    const url = new URL(issuer);
    return url.protocol === 'https:' && url.hostname ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the token's issuer, audience, times and signature; returns its identity or throws AWS's STS errors. */
export async function verifyWebIdentityToken(store: Store, accountId: string, token: string, now: Date): Promise<VerifiedWebIdentity> {
  const compact = token.trim();
  const { header, claims } = decodeToken(compact);
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  const url = issuer.replace(/^https:\/\//i, '').replace(/\/+$/, '');
  const provider = url ? await store.identityProviders.getOidc(`arn:aws:iam::${accountId}:oidc-provider/${url}`) : undefined;
  if (!provider) throw new InvalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`);

  const audiences =
    typeof claims.aud === 'string'
      ? [claims.aud]
      : Array.isArray(claims.aud)
        ? claims.aud.filter((a): a is string => typeof a === 'string')
        : [];
  const audience = audiences.find((a) => provider.clientIds.includes(a));
  if (audience === undefined) throw new InvalidIdentityToken('Incorrect token audience');
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new InvalidIdentityToken('The web identity token has no subject (sub).');

  if (typeof claims.exp !== 'number') throw new InvalidIdentityToken('The web identity token has no expiration (exp).');
  if (claims.exp * 1000 <= now.getTime()) {
    throw new ExpiredTokenException(
      `Token expired: current date/time ${Math.floor(now.getTime() / 1000)} must be before the expiration date/time ${claims.exp}`,
    );
  }
  if (typeof claims.iat === 'number' && claims.iat * 1000 > now.getTime() + SKEW_MS)
    throw new InvalidIdentityToken('The web identity token was issued in the future (iat).');
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now.getTime() + SKEW_MS)
    throw new InvalidIdentityToken('The web identity token is not valid yet (nbf).');

  const algorithm = typeof header.alg === 'string' && ALGORITHMS.has(header.alg) ? header.alg : undefined;
  if (!algorithm) throw new InvalidIdentityToken(`The signing algorithm ${String(header.alg)} of the web identity token is not supported.`);
  const chain = certificateChain(header, issuer);
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!chain[i].verify(chain[i + 1].publicKey))
      throw new InvalidIdentityToken('The certificate chain (x5c) of the web identity token is broken.');
  }
  const pinnedAt = chain.findIndex((certificate) =>
    provider.thumbprints.includes(createHash('sha1').update(certificate.raw).digest('hex')),
  );
  if (pinnedAt < 0)
    throw new InvalidIdentityToken('No certificate of the token chain (x5c) matches a thumbprint of the OpenIDConnect provider.');
  // What is trusted is the pinned certificate and what it vouches for: the certificates below it.
  const trusted = chain.slice(0, pinnedAt + 1);
  for (const certificate of trusted) {
    if (Date.parse(certificate.validTo) < now.getTime() || Date.parse(certificate.validFrom) > now.getTime() + SKEW_MS) {
      throw new InvalidIdentityToken(
        certificate === chain[0]
          ? 'The signing certificate of the web identity token is expired or not yet valid.'
          : 'A certificate of the token chain (x5c) is expired or not yet valid.',
      );
    }
  }
  const signer = chain[0];
  if (pinnedAt > 0) {
    // Pinned through a CA: only certificate authorities may vouch for the next one, and the signer must be a
    // certificate for the issuer's host (as the TLS connection AWS pins would be).
    if (trusted.slice(1).some((certificate) => !certificate.ca))
      throw new InvalidIdentityToken('A certificate that issued another in the token chain (x5c) is not a certificate authority.');
    const host = issuerHost(issuer);
    if (signer.ca || host === undefined || signer.checkHost(host) === undefined) {
      throw new InvalidIdentityToken(`The signing certificate of the web identity token is not a certificate for ${host ?? issuer}.`);
    }
  }
  try {
    // Only the header's own algorithm, with the pinned certificate's key (jose checks the key fits it).
    await compactVerify(compact, signer.publicKey, { algorithms: [algorithm] });
  } catch {
    throw new InvalidIdentityToken('The signature of the web identity token could not be verified.');
  }
  return { provider, issuer, subject: claims.sub, audience, claims };
}
