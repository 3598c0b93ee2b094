// What the encrypted session token (next-auth JWT) carries, and the rules for when it stops being valid.
import 'server-only';
import type { ConsoleCredentials, ConsolePrincipal, SignInMethod } from './principal';

/** The console's claims inside the next-auth JWT, under the `gh` key. */
export interface ConsoleClaims {
  method: SignInMethod;
  principal: ConsolePrincipal;
  credentials: ConsoleCredentials;
  passwordResetRequired: boolean;
  /** Epoch seconds. */
  signedInAt: number;
  /** Epoch seconds: the earlier of the credentials' expiry and the console session limit. */
  expiresAt: number;
}

/** When a session signed in at `signedInAt` with these credentials must end. */
export function sessionExpiresAt(signedInAt: number, credentials: ConsoleCredentials, sessionMaxSeconds: number): number {
  const limit = signedInAt + sessionMaxSeconds;
  if (!credentials.expiration) return limit;
  const credentialExpiry = Math.floor(Date.parse(credentials.expiration) / 1000);
  return Number.isFinite(credentialExpiry) ? Math.min(limit, credentialExpiry) : limit;
}

/** Reads the claims from a decoded token; undefined when absent or malformed. */
export function claimsOf(token: Record<string, unknown> | null | undefined): ConsoleClaims | undefined {
  const claims = token?.gh as ConsoleClaims | undefined;
  if (!claims || typeof claims !== 'object') return undefined;
  if (typeof claims.expiresAt !== 'number' || !claims.principal?.arn || !claims.credentials?.accessKeyId) return undefined;
  return claims;
}

/** True once the session has reached its end. */
export function isExpired(claims: ConsoleClaims, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return nowSeconds >= claims.expiresAt;
}
