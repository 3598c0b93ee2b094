// Ending console sessions for good: at sign-out the service revokes the session's credentials
// (`POST /_gatehouse/sign-out`, signed with them), and this process refuses the old cookie from then on — at once
// through a list of revoked sessions, and after a restart because the service no longer knows the credentials
// (checked at most every 30 seconds per session). A session the service cannot revoke (the console signs with
// long-term keys: against AWS, or an endpoint without Gatehouse's sign-in route) is refused after a restart too:
// its revocation is also kept in the data directory (console-revocations.json, hashes only, until it expires).
// A revocation names one session (its access key and its end), not the key: signing in again with the same keys
// after signing out is a new session.
import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { consoleEnv, type IamTarget } from './env';
import type { ConsoleCredentials } from './principal';
import { stsClientFor } from './clients';
import { postGatehouseRoute } from './gatehouse-route';

const CHECK_INTERVAL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const REVOCATIONS_FILE = 'console-revocations.json';

interface RevocationState {
  /** Session key → epoch ms after which the entry can be dropped (the session has expired anyway). */
  revoked: Map<string, number>;
  /** Access key id → epoch ms of the last check that found the credentials valid. */
  checked: Map<string, number>;
  /** The data directory whose revocations file was read into `revoked` (read once per directory). */
  loadedFrom?: string;
}

const processState = globalThis as unknown as { __gatehouseRevocation?: RevocationState };

function state(): RevocationState {
  processState.__gatehouseRevocation ??= { revoked: new Map(), checked: new Map() };
  return processState.__gatehouseRevocation;
}

function prune(map: Map<string, number>, keepWhile: (value: number) => boolean): void {
  if (map.size < MAX_ENTRIES) return;
  for (const [key, value] of map) if (!keepWhile(value)) map.delete(key);
  // Still full of live entries: forget the oldest half (a "checked" entry is re-checked, never trusted blindly; a
  // revoked one needs 10,000 sign-outs of live sessions to go, and sign-ins are rate-limited).
  if (map.size >= MAX_ENTRIES) for (const key of [...map.keys()].slice(0, MAX_ENTRIES / 2)) map.delete(key);
}

/** One session: its access key and its end (epoch seconds), hashed (the file holds no key ids). */
function sessionKey(accessKeyId: string, expiresAt: number): string {
  return createHash('sha256').update(`${accessKeyId}/${expiresAt}`).digest('hex');
}

function revocationsFile(dataDir: string): string {
  return path.join(dataDir, REVOCATIONS_FILE);
}

/** Reads the kept revocations of `dataDir` once (a missing or unreadable file is an empty list, said on stderr). */
function loadKept(dataDir: string): void {
  const current = state();
  if (current.loadedFrom === dataDir) return;
  current.loadedFrom = dataDir;
  let text: string;
  try {
    text = fs.readFileSync(revocationsFile(dataDir), 'utf8');
  } catch {
    return;
  }
  try {
    const kept = (JSON.parse(text) as { revoked?: Record<string, unknown> }).revoked ?? {};
    const now = Date.now();
    for (const [key, until] of Object.entries(kept)) {
      if (/^[0-9a-f]{64}$/.test(key) && typeof until === 'number' && until > now) current.revoked.set(key, until);
    }
  } catch {
    console.warn(
      `[console-auth] ${revocationsFile(dataDir)} could not be read; sessions signed out before this start are not refused by it`,
    );
  }
}

/** Writes the live revocations to the data directory (atomically: a temporary file renamed over the old one). */
function keep(dataDir: string): void {
  const now = Date.now();
  const revoked: Record<string, number> = {};
  for (const [key, until] of state().revoked) if (until > now) revoked[key] = until;
  const file = revocationsFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify({ version: 1, revoked }), { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch (error) {
    console.warn(`[console-auth] could not keep a sign-out in ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Remembers that the session of these credentials ending at `expiresAt` (epoch seconds) was signed out, until then;
 * with `dataDir`, in that directory too (for sessions the service cannot revoke).
 */
export function markRevoked(accessKeyId: string, expiresAt: number, dataDir?: string): void {
  if (dataDir) loadKept(dataDir);
  const { revoked, checked } = state();
  checked.delete(accessKeyId);
  const now = Date.now();
  prune(revoked, (until) => until > now);
  revoked.set(sessionKey(accessKeyId, expiresAt), expiresAt * 1000);
  if (dataDir) keep(dataDir);
}

/** True when the session of these credentials ending at `expiresAt` was signed out (here, or kept in `dataDir`). */
export function isRevoked(accessKeyId: string, expiresAt: number, dataDir?: string): boolean {
  if (dataDir) loadKept(dataDir);
  return state().revoked.has(sessionKey(accessKeyId, expiresAt));
}

/** Sessions the service cannot revoke: signed with long-term keys, or against AWS. */
function serviceCannotRevoke(credentials: ConsoleCredentials, target: IamTarget): boolean {
  return target.kind === 'aws' || !credentials.sessionToken;
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
  if (isRevoked(credentials.accessKeyId, expiresAt, serviceCannotRevoke(credentials, target) ? consoleEnv().dataDir : undefined))
    return false;
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
  if (target.kind === 'aws' || serviceCannotRevoke(credentials, target)) {
    markRevoked(credentials.accessKeyId, expiresAt, consoleEnv().dataDir);
    return;
  }
  markRevoked(credentials.accessKeyId, expiresAt);
  try {
    const response = await postGatehouseRoute('sign-out', credentials, target);
    if (!response.ok) console.warn(`[console-auth] sign-out answered ${response.status}`);
  } catch {
    console.warn('[console-auth] sign-out could not reach the endpoint; this process still refuses the session');
  }
}
