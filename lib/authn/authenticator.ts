// The authenticator of the request pipeline: SigV4 verified against the stored secret of a long-term access
// key (root or IAM user) or of an STS/console session, producing the calling Principal.
import { timingSafeEqual } from 'node:crypto';
import type { ServiceConfig } from '../config';
import { sha256Hex, type SecretBox } from '../crypto/secrets';
import { entityArn } from '../iam/arn';
import { BoundedCache } from '../core/bounded-cache';
import { isPolicyDocumentWrite, isPureCreation, isReadOnlyIamAction } from '../core/write-kinds';
import { rootPrincipal, type Principal } from '../core/context';
import { ExpiredToken, InvalidClientTokenId, MissingAuthenticationToken } from '../core/errors';
import type { Authenticator, RequestInfo } from '../core/pipeline';
import type { AccessKeyRecord, AccountRecord, Store } from '../store/types';
import { checkScopeAndTime, parseSignature, verifySignature, type SignableRequest, type SignatureParts } from '../sigv4';
import { enforceSessionLimits } from '../authz/session-limits';
import { decodePrincipal } from './principal-codec';
import { isCommercialRegion } from './regions';

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';
/** Last-use records are written at most this often per key (and whenever the service or region changes). */
const LAST_USE_INTERVAL_MS = 60 * 1000;
const CACHE_LIMIT = 4096;
/**
 * How long a user's principal (ARN with path and name) or a key record is reused without reading it again.
 * Writes through this process invalidate at once (see `credentialGeneration`); the age bounds staleness from
 * writers that do not (another process sharing the store).
 */
const CACHE_MAX_AGE_MS = 5000;

/** STS actions AWS serves without a signature: the token or assertion in the request is the credential. */
const UNSIGNED_STS_ACTIONS = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']);

export interface AuthenticatorDeps {
  store: Store;
  secrets: SecretBox;
  config: ServiceConfig;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'latin1');
  const y = Buffer.from(b, 'latin1');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Builds the authenticator: `authenticate(info)` returns the principal or throws AWS's authentication errors. */
/**
 * IAM actions that change no existing key or user: reads, pure creations (only keys and users that exist are
 * cached) and writes of policy documents. Everything else may change a key, a user's name or path, or delete them.
 */
function keepsCredentials(action: string): boolean {
  return isReadOnlyIamAction(action) || isPureCreation(action) || isPolicyDocumentWrite(action);
}

export function createAuthenticator(deps: AuthenticatorDeps): Authenticator {
  const { store, secrets } = deps;
  // IAM answers as AWS's global endpoint does: signed for us-east-1 (or the region Gatehouse is configured to
  // report). STS has an endpoint in every commercial region, so a scope naming any of them is served; a region
  // that does not exist (`xx-fake-9`) is refused for both.
  const iamRegions = [...new Set(['us-east-1', deps.config.region])];
  const stsRegion = (region: string) => region === deps.config.region || isCommercialRegion(region);
  // Decrypted secrets by their sealed text: a changed or deleted key has a different (or no) sealed text.
  const plainSecrets = new BoundedCache<string, string>(CACHE_LIMIT);
  // Parsed session principals by access key id and token hash (sessions never change once issued).
  const sessionPrincipals = new BoundedCache<string, { tokenHash: string; principal: Principal }>(CACHE_LIMIT);
  const lastUse = new BoundedCache<string, { at: number; service: string; region: string }>(CACHE_LIMIT);
  // Invariant: requests run synchronously from authentication to the end of their operation, so a write seen
  // here has finished when the next request is authenticated; that request starts a new generation.
  let credentialGeneration = 0;
  let writeInFlight = false;
  const userPrincipals = new BoundedCache<string, { generation: number; at: number; principal: Principal }>(CACHE_LIMIT);
  const keys = new BoundedCache<string, { generation: number; account: string; at: number; key: AccessKeyRecord }>(CACHE_LIMIT);
  // A failed group commit undoes writes this process has already seen: read everything again, and record last
  // uses again (the ones recorded since were undone with it).
  store.onRollback(() => {
    credentialGeneration++;
    sessionPrincipals.clear();
    lastUse.clear();
  });
  // Another instance changed the shared database, or the channel announcing changes was lost or restored.
  store.onExternalChange(() => {
    credentialGeneration++;
    sessionPrincipals.clear();
  });

  /**
   * A long-term key, cached like user principals. The account's incarnation (its id and creation time) is part of
   * the validity check: a reset (wipe and bootstrap) creates the account anew, so no key outlives the data it came
   * from. Compared by value: the PostgreSQL store reads a new account record for every request.
   */
  async function accessKey(accessKeyId: string, accountRecord: AccountRecord, now: number): Promise<AccessKeyRecord | undefined> {
    const generation = credentialGeneration;
    const account = `${accountRecord.accountId}\u0000${accountRecord.createDate}`;
    const cached = keys.get(accessKeyId);
    if (
      cached &&
      cached.generation === generation &&
      cached.account === account &&
      now - cached.at < CACHE_MAX_AGE_MS &&
      store.cachesTrusted()
    )
      return cached.key;
    const key = await store.accessKeys.get(accessKeyId);
    if (key) keys.set(accessKeyId, { generation, account, at: now, key });
    return key;
  }

  /** The IAM user principal of a user id (without the access key), cached; undefined when the user is gone. */
  async function userPrincipal(userId: string, accountId: string, now: number): Promise<Principal | undefined> {
    const generation = credentialGeneration;
    const cached = userPrincipals.get(userId);
    if (
      cached &&
      cached.generation === generation &&
      now - cached.at < CACHE_MAX_AGE_MS &&
      cached.principal.accountId === accountId &&
      store.cachesTrusted()
    ) {
      return cached.principal;
    }
    const user = await store.users.getById(userId);
    if (!user) return undefined;
    const principal: Principal = {
      type: 'IAMUser',
      accountId,
      arn: entityArn(accountId, 'user', user.path, user.userName),
      principalId: user.userId,
      userId: user.userId,
      userName: user.userName,
    };
    userPrincipals.set(userId, { generation, at: now, principal });
    return principal;
  }

  function openSecret(sealed: string): string {
    let secret = plainSecrets.get(sealed);
    if (secret === undefined) {
      secret = secrets.decrypt(sealed);
      plainSecrets.set(sealed, secret);
    }
    return secret;
  }

  function shouldRecordUse(id: string, now: Date, service: string, region: string): boolean {
    const previous = lastUse.get(id);
    if (previous && previous.service === service && previous.region === region && now.getTime() - previous.at < LAST_USE_INTERVAL_MS)
      return false;
    lastUse.set(id, { at: now.getTime(), service, region });
    return true;
  }

  async function sessionPrincipal(request: SignableRequest, parts: SignatureParts, info: RequestInfo): Promise<Principal> {
    const session = await store.sessions.get(parts.accessKeyId);
    if (!session || parts.securityToken === undefined) throw new InvalidClientTokenId(INVALID_TOKEN);
    const tokenHash = sha256Hex(parts.securityToken);
    if (!sameHash(tokenHash, session.sessionTokenHash)) throw new InvalidClientTokenId(INVALID_TOKEN);
    if (Date.parse(session.expiration) <= info.now.getTime()) throw new ExpiredToken(EXPIRED_TOKEN);
    verifySignature(request, parts, openSecret(session.secretEncrypted));
    let cached = sessionPrincipals.get(parts.accessKeyId);
    if (!cached || cached.tokenHash !== tokenHash || !store.cachesTrusted()) {
      cached = { tokenHash, principal: { ...decodePrincipal(session.principal), accessKeyId: parts.accessKeyId } };
      sessionPrincipals.set(parts.accessKeyId, cached);
    }
    const principal = cached.principal;
    // To IAM the token of a session that may not call it is invalid: an authentication error, so it comes before any
    // parameter is read (a malformed request gets it too); the authorizer checks the rest of the session's limits.
    // Gatehouse's own routes signed for IAM (the audit trail, the password policy) refuse such sessions alike.
    if (info.service === 'iam') enforceSessionLimits(principal, 'iam', info.action);
    if (principal.roleId && store.roles && shouldRecordUse(principal.roleId, info.now, info.service, parts.region)) {
      await store.roles.recordUse(principal.roleId, info.now.toISOString(), parts.region);
    }
    return principal;
  }

  async function longTermPrincipal(request: SignableRequest, parts: SignatureParts, info: RequestInfo): Promise<Principal> {
    const account = (await store.account.get())!;
    const now = Date.now();
    const key = await accessKey(parts.accessKeyId, account, now);
    // A session token sent with a long-term key is rejected, as AWS does.
    if (!key || key.status !== 'Active' || parts.securityToken !== undefined) throw new InvalidClientTokenId(INVALID_TOKEN);
    verifySignature(request, parts, openSecret(key.secretEncrypted));
    const accountId = account.accountId;
    let principal: Principal;
    if (key.userId === undefined) {
      principal = rootPrincipal(accountId, key.accessKeyId);
    } else {
      const user = await userPrincipal(key.userId, accountId, now);
      if (!user) throw new InvalidClientTokenId(INVALID_TOKEN);
      // Object.assign, not a spread followed by a property: V8 (Node 20) takes a slow path for that, ~1 µs a request.
      principal = Object.assign({}, user, { accessKeyId: key.accessKeyId });
    }
    if (shouldRecordUse(key.accessKeyId, info.now, info.service, parts.region)) {
      await store.accessKeys.recordUse(key.accessKeyId, info.now.toISOString(), info.service, parts.region);
    }
    return principal;
  }

  /** The caller of an unsigned AssumeRoleWithWebIdentity / AssumeRoleWithSAML (CloudTrail's user types). */
  async function anonymousPrincipal(action: string): Promise<Principal> {
    const accountId = (await store.account.get())!.accountId;
    return { type: action === 'AssumeRoleWithSAML' ? 'SAMLUser' : 'WebIdentityUser', accountId, arn: '', principalId: '' };
  }

  return {
    async authenticate(info: RequestInfo): Promise<Principal> {
      if (writeInFlight) {
        credentialGeneration++;
        writeInFlight = false;
      }
      if (info.service === 'iam' && !keepsCredentials(info.action)) writeInFlight = true;
      const wire = info.request;
      const request: SignableRequest = {
        method: wire.method,
        path: wire.signedPath ?? wire.path,
        query: wire.query,
        headers: wire.headers,
        body: wire.rawBody ?? wire.body,
      };
      const parts = parseSignature(request);
      if (!parts && info.service === 'sts' && UNSIGNED_STS_ACTIONS.has(info.action)) return anonymousPrincipal(info.action);
      if (!parts) throw new MissingAuthenticationToken('Request is missing Authentication Token');
      checkScopeAndTime(parts, info.service, info.now, info.service === 'sts' ? stsRegion : iamRegions);
      return parts.accessKeyId.startsWith('ASIA')
        ? await sessionPrincipal(request, parts, info)
        : await longTermPrincipal(request, parts, info);
    },
  };
}
