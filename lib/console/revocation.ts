// Ending console sessions for good: at sign-out the service revokes the session's credentials
// (`POST /_gatehouse/sign-out`, signed with them), and this process refuses the old cookie from then on — at once
// through a list of revoked credentials, and after a restart because the service no longer knows them (checked at
// most every 30 seconds per session). A session the service cannot revoke (the console signs with long-term keys:
// against AWS, or an endpoint without Gatehouse's sign-in route), or whose sign-out did not reach the service, is
// refused after a restart too: its sign-out is kept in the data directory (./kept-revocations.ts). Such a sign-out
// ends the sessions of those keys that were signed in by then, not the keys: signing in again is a new session.
import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { consoleEnv, type IamTarget } from './env';
import type { ConsoleCredentials } from './principal';
import { stsClientFor } from './clients';
import { postGatehouseRoute } from './gatehouse-route';
import { isKeptRevoked, keepRevocation } from './kept-revocations';

const CHECK_INTERVAL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface RevocationState {
  /**
   * Signed-out sessions: access key id → the end (epoch ms) of the latest session of that key signed out here; the
   * sessions of the key ending no later are refused. Bounded: an entry dropped early is caught by the service on the
   * next check, or by the data directory for sessions it keeps.
   */
  revoked: Map<string, number>;
  /** Access key id → epoch ms of the last check that found the credentials valid. */
  checked: Map<string, number>;
}

const processState = globalThis as unknown as { __gatehouseRevocation?: RevocationState };

function state(): RevocationState {
  processState.__gatehouseRevocation ??= { revoked: new Map(), checked: new Map() };
  return processState.__gatehouseRevocation;
}

function prune(map: Map<string, number>, keepWhile: (value: number) => boolean): void {
  if (map.size < MAX_ENTRIES) return;
  for (const [key, value] of map) if (!keepWhile(value)) map.delete(key);
  // Still full of live entries: forget the oldest half (re-checked with the service, never trusted blindly).
  if (map.size >= MAX_ENTRIES) for (const key of [...map.keys()].slice(0, MAX_ENTRIES / 2)) map.delete(key);
}

/** Remembers that the session of these credentials ending at `expiresAt` (epoch seconds) was signed out. */
function markRevoked(accessKeyId: string, expiresAt: number): void {
  const { revoked, checked } = state();
  checked.delete(accessKeyId);
  const now = Date.now();
  prune(revoked, (until) => until > now);
  revoked.set(accessKeyId, Math.max(revoked.get(accessKeyId) ?? 0, expiresAt * 1000));
}

/**
 * Keeps the sign-out of a session the service will not refuse in the data directory too (this process's memory has
 * it already). When the directory cannot be written, it is said on stderr and the cookie is refused until this
 * process restarts.
 */
function keepSignOut(accessKeyId: string, expiresAt: number): void {
  try {
    keepRevocation(consoleEnv().dataDir, accessKeyId, expiresAt * 1000);
  } catch (error) {
    console.warn(
      `[console-auth] a sign-out could not be kept in the data directory (${error instanceof Error ? error.message : String(error)}); it holds until this process restarts`,
    );
  }
}

/** True when this session was signed out (here, or kept in the data directory by any console process). */
function isRevoked(credentials: ConsoleCredentials, expiresAt: number): boolean {
  const until = state().revoked.get(credentials.accessKeyId);
  if (until !== undefined && expiresAt * 1000 <= until) return true;
  return isKeptRevoked(consoleEnv().dataDir, credentials.accessKeyId, expiresAt * 1000);
}

/** Long-term keys (no session token): the user's own, which no sign-out revokes at the service. */
function isLongTerm(credentials: ConsoleCredentials): boolean {
  return !credentials.sessionToken;
}

function isAuthFailure(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  return ['InvalidClientTokenId', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException', 'SignatureDoesNotMatch'].includes(
    name,
  );
}

/**
 * Whether the service still accepts these session credentials (GetCallerIdentity, at most every 30 s per key).
 * Only a refusal of the credentials counts: an unreachable endpoint does not end a session.
 */
export async function credentialsStillValid(
  credentials: ConsoleCredentials,
  expiresAt: number,
  target: IamTarget = consoleEnv().target,
): Promise<boolean> {
  if (isRevoked(credentials, expiresAt)) return false;
  if (target.kind === 'aws') return true;
  const { checked } = state();
  const now = Date.now();
  const last = checked.get(credentials.accessKeyId);
  // Instances sharing a database: a sign-out through another instance deleted the session there, and only the
  // service knows; ask it on every request rather than trust this process's memory for 30 s.
  if (last !== undefined && now - last < CHECK_INTERVAL_MS && !consoleEnv().sharedDatabase) return true;
  try {
    await stsClientFor(credentials, target).send(new GetCallerIdentityCommand({}));
  } catch (error) {
    if (isAuthFailure(error)) {
      markRevoked(credentials.accessKeyId, expiresAt);
      return false;
    }
    return true;
  }
  prune(checked, (at) => now - at < CHECK_INTERVAL_MS);
  checked.set(credentials.accessKeyId, now);
  return true;
}

/**
 * Revokes a console session's credentials at the service (temporary credentials against a Gatehouse endpoint;
 * long-term keys are the user's own and stay valid) and refuses its cookie in this process from now on (and,
 * when the service cannot revoke it, after a restart too).
 */
export async function revokeConsoleSession(
  credentials: ConsoleCredentials,
  expiresAt: number,
  target: IamTarget = consoleEnv().target,
): Promise<void> {
  markRevoked(credentials.accessKeyId, expiresAt);
  if (target.kind === 'aws' || isLongTerm(credentials)) {
    keepSignOut(credentials.accessKeyId, expiresAt);
    return;
  }
  let revoked = false;
  try {
    const response = await postGatehouseRoute('sign-out', credentials, target);
    revoked = response.ok;
    if (!response.ok) console.warn(`[console-auth] sign-out answered ${response.status}; the data directory keeps it`);
  } catch {
    console.warn('[console-auth] sign-out could not reach the endpoint; the data directory keeps it');
  }
  // The service still accepts the credentials: refuse the cookie after a restart too.
  if (!revoked) keepSignOut(credentials.accessKeyId, expiresAt);
}
