// Ending console sessions for good: at sign-out the service revokes the session's credentials
// (`POST /_gatehouse/sign-out`, signed with them), and this process refuses the old cookie from then on — at once
// through a list of revoked keys, and after a restart because the service no longer knows the credentials
// (checked at most every 30 seconds per session).
import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { consoleEnv, type IamTarget } from './env';
import type { ConsoleCredentials } from './principal';
import { stsClientFor } from './clients';
import { postGatehouseRoute } from './gatehouse-route';

const CHECK_INTERVAL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface RevocationState {
  /** Access key id → epoch ms after which the entry can be dropped (the session has expired anyway). */
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
  // Still full of live entries: forget the oldest half of the "checked" kind (they are re-checked, never trusted blindly).
  if (map.size >= MAX_ENTRIES) for (const key of [...map.keys()].slice(0, MAX_ENTRIES / 2)) map.delete(key);
}

/** Remembers that these credentials were signed out, until `expiresAt` (epoch seconds). */
export function markRevoked(accessKeyId: string, expiresAt: number): void {
  const { revoked, checked } = state();
  checked.delete(accessKeyId);
  const now = Date.now();
  prune(revoked, (until) => until > now);
  revoked.set(accessKeyId, expiresAt * 1000);
}

/** True when this process saw these credentials signed out. */
export function isRevoked(accessKeyId: string): boolean {
  return state().revoked.has(accessKeyId);
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
  if (isRevoked(credentials.accessKeyId)) return false;
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
 * long-term keys are the user's own and stay valid) and refuses its cookie in this process from now on.
 */
export async function revokeConsoleSession(
  credentials: ConsoleCredentials,
  expiresAt: number,
  target: IamTarget = consoleEnv().target,
): Promise<void> {
  markRevoked(credentials.accessKeyId, expiresAt);
  if (target.kind === 'aws' || !credentials.sessionToken) return;
  try {
    const response = await postGatehouseRoute('sign-out', credentials, target);
    if (!response.ok) console.warn(`[console-auth] sign-out answered ${response.status}`);
  } catch {
    console.warn('[console-auth] sign-out could not reach the endpoint; this process still refuses the session');
  }
}
