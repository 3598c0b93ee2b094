// Issues temporary credentials (STS sessions and console sessions): an ASIA key id, a 40-character secret and
// a session token of which only the SHA-256 is stored, bound to the session's principal and expiry.
import { newAccessKeyId, newSecretAccessKey, newSessionToken } from '../crypto/ids';
import { sha256Hex, type SecretBox } from '../crypto/secrets';
import type { Principal } from '../core/context';
import type { Store } from '../store/types';
import { encodePrincipal } from './principal-codec';

/** Temporary credentials as STS returns them (`Credentials`). */
export interface SessionCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

/** Expired sessions are kept this long so that their use is answered ExpiredToken, then removed. */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;
const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
let lastCleanup = 0;

/**
 * Stores a new session for `principal` (its `temporary`, `tokenIssueTime` and `expiration` set here) and
 * returns the credentials. Call inside the operation's transaction.
 */
export async function issueSession(
  deps: { store: Store; secrets: SecretBox },
  principal: Principal,
  now: Date,
  durationSeconds: number,
): Promise<{ credentials: SessionCredentials; principal: Principal }> {
  const accessKeyId = newAccessKeyId(principal.accountId, true);
  const secretAccessKey = newSecretAccessKey();
  const sessionToken = newSessionToken();
  // AWS reports expirations to the second.
  const expiration = new Date(Math.floor(now.getTime() / 1000) * 1000 + durationSeconds * 1000);
  const sessionPrincipal: Principal = { ...principal, accessKeyId, temporary: true, tokenIssueTime: now, expiration };
  await deps.store.sessions.insert({
    accessKeyId,
    secretEncrypted: deps.secrets.encrypt(secretAccessKey),
    sessionTokenHash: sha256Hex(sessionToken),
    principal: encodePrincipal(sessionPrincipal),
    expiration: expiration.toISOString(),
    createDate: now.toISOString(),
  });
  if (now.getTime() - lastCleanup > CLEANUP_INTERVAL_MS) {
    lastCleanup = now.getTime();
    await deps.store.sessions.deleteExpired(new Date(now.getTime() - KEEP_EXPIRED_MS).toISOString());
  }
  return {
    credentials: { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiration },
    principal: sessionPrincipal,
  };
}
