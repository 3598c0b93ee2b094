// Server-side access to the console session: decode the encrypted cookie, check expiry, rewrite it when needed.
import 'server-only';
import { encode, decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { authSecret } from './auth-secret';
import { consoleEnv } from './env';
import type { ConsoleCredentials, ConsolePrincipal, SignInMethod } from './principal';
import { claimsOf, isExpired, type ConsoleClaims } from './session-token';
import { credentialsStillValid } from './revocation';

/** The signed-in session as server code sees it (credentials included: never pass this to a client component). */
export interface ConsoleSession {
  method: SignInMethod;
  principal: ConsolePrincipal;
  credentials: ConsoleCredentials;
  passwordResetRequired: boolean;
  expiresAt: Date;
}

export type ConsoleSessionState = { status: 'none' } | { status: 'expired' } | { status: 'active'; session: ConsoleSession };

/** next-auth's session cookie name for this deployment (secure prefix under https). */
export function sessionCookieName(): string {
  return consoleEnv().nextAuthUrl.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

// next-auth splits large tokens into `<name>.0`, `<name>.1`, ... chunks of at most this many characters.
const CHUNK_SIZE = 3933;

async function readRawToken(): Promise<string | undefined> {
  const name = sessionCookieName();
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join('') : undefined;
}

async function readClaims(): Promise<{ claims?: ConsoleClaims; token?: Record<string, unknown> }> {
  const raw = await readRawToken();
  if (!raw) return {};
  try {
    const token = (await decode({ token: raw, secret: authSecret() })) as Record<string, unknown> | null;
    return { claims: claimsOf(token), token: token ?? undefined };
  } catch {
    return {};
  }
}

/** The session's state: none, expired, or active with its principal and credentials. */
export async function getConsoleSessionState(): Promise<ConsoleSessionState> {
  const { claims } = await readClaims();
  if (!claims) return { status: 'none' };
  if (isExpired(claims)) return { status: 'expired' };
  // A signed-out session's cookie, replayed: its credentials were revoked, so it is no session at all.
  if (!(await credentialsStillValid(claims.credentials, claims.expiresAt))) return { status: 'none' };
  return {
    status: 'active',
    session: {
      method: claims.method,
      principal: claims.principal,
      credentials: claims.credentials,
      passwordResetRequired: claims.passwordResetRequired,
      expiresAt: new Date(claims.expiresAt * 1000),
    },
  };
}

/** The active session, or null. */
export async function getConsoleSession(): Promise<ConsoleSession | null> {
  const state = await getConsoleSessionState();
  return state.status === 'active' ? state.session : null;
}

/**
 * The active session; otherwise redirects to the sign-in page (saying why when it expired). A session whose
 * password must be changed goes to /change-password first: a page renders beside the console layout (which
 * redirects too), so without this check it would call the API as that user before the change.
 */
export async function requireConsoleSession(): Promise<ConsoleSession> {
  const state = await getConsoleSessionState();
  if (state.status === 'active' && state.session.passwordResetRequired) redirect('/change-password');
  if (state.status === 'active') return state.session;
  redirect(state.status === 'expired' ? '/sign-in?reason=expired' : '/sign-in');
}

/**
 * Rewrites the session cookie with changed claims (e.g. after the forced password change). Only callable where
 * cookies may be set: server actions and route handlers.
 */
export async function updateConsoleClaims(
  change: Partial<Pick<ConsoleClaims, 'passwordResetRequired' | 'credentials' | 'principal'>>,
): Promise<void> {
  const { claims, token } = await readClaims();
  if (!claims || !token) throw new Error('No console session to update.');
  const next: Record<string, unknown> = { ...token, gh: { ...claims, ...change } };
  delete next.exp;
  delete next.iat;
  delete next.jti;
  const remaining = Math.max(1, claims.expiresAt - Math.floor(Date.now() / 1000)) + 300;
  const maxAge = consoleEnv().sessionMaxSeconds + 300;
  const value = await encode({ token: next, secret: authSecret(), maxAge });
  const name = sessionCookieName();
  const jar = await cookies();
  const options = {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: name.startsWith('__Secure-'),
    maxAge: Math.min(remaining, maxAge),
  };
  const parts: Array<[string, string]> =
    value.length <= CHUNK_SIZE
      ? [[name, value]]
      : Array.from({ length: Math.ceil(value.length / CHUNK_SIZE) }, (_, i) => [
          `${name}.${i}`,
          value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
        ]);
  const written = new Set(parts.map(([n]) => n));
  for (const c of jar.getAll()) {
    if ((c.name === name || c.name.startsWith(`${name}.`)) && !written.has(c.name)) jar.delete(c.name);
  }
  for (const [n, v] of parts) jar.set(n, v, options);
}
