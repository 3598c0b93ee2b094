// next-auth, configured once: a credentials provider for the three ways in, JWT sessions whose encrypted token
// holds the principal's credentials, and a session callback that exposes only what is safe to show.
import 'server-only';
import { ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import type { AuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from './auth-secret';
import { CLIENT_STAMP_HEADER, readClientStamp } from '../service/client-stamp';
import { iamClientFor } from './clients';
import { consoleEnv, describeTarget } from './env';
import type { ConsoleSignIn } from './principal';
import { accessKeySignInLimiter, SignInError, signInWithAccessKeys, signInWithPassword } from './sign-in';
import { claimsOf, isExpired, sessionExpiresAt, type ConsoleClaims } from './session-token';
import { credentialsStillValid, revokeConsoleSession } from './revocation';

process.env.NEXTAUTH_URL ??= consoleEnv().nextAuthUrl;

const mfaCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/)
  .optional()
  .or(z.literal('').transform(() => undefined));

const signInSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('root'), email: z.string().trim().min(1).max(256), password: z.string().min(1).max(512), mfaCode }),
  z.object({
    type: z.literal('user'),
    account: z.string().trim().min(1).max(64),
    userName: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(512),
    mfaCode,
  }),
  z.object({
    type: z.literal('access-keys'),
    accessKeyId: z.string().trim().min(1).max(128),
    secretAccessKey: z.string().trim().min(1).max(128),
    sessionToken: z
      .string()
      .trim()
      .max(8192)
      .optional()
      .or(z.literal('').transform(() => undefined)),
  }),
]);

/** The browser's address as stamped on arrival (never a header the browser wrote). */
function sourceIpOf(headers: Record<string, unknown> | undefined): string {
  const stamp = headers?.[CLIENT_STAMP_HEADER];
  return readClientStamp(typeof stamp === 'string' ? stamp : undefined)?.sourceIp ?? 'unknown';
}

async function withAccountAlias(signIn: ConsoleSignIn): Promise<ConsoleSignIn> {
  if (signIn.principal.accountAlias || signIn.passwordResetRequired) return signIn;
  try {
    const aliases = await iamClientFor(signIn.credentials).send(new ListAccountAliasesCommand({}));
    const alias = aliases.AccountAliases?.[0];
    return alias ? { ...signIn, principal: { ...signIn.principal, accountAlias: alias } } : signIn;
  } catch {
    return signIn; // Not allowed to list aliases: the header shows the account ID only.
  }
}

async function authorize(raw: Record<string, string> | undefined, headers: Record<string, unknown> | undefined): Promise<ConsoleSignIn> {
  const parsed = signInSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new SignInError('InvalidCredentials');
  const input = parsed.data;
  if (input.type === 'access-keys') {
    const key = { identity: `access-key:${input.accessKeyId}`, address: sourceIpOf(headers) };
    const limiter = accessKeySignInLimiter();
    const now = new Date();
    // Counted as a failure before the keys are tried (attempts made at once are limited like attempts one after
    // another), and taken back only when they proved themselves: any refusal or error stays counted.
    const wait = await limiter.reserve(key, now);
    if (wait > 0) throw new SignInError('TooManyAttempts', wait);
    const signIn = await signInWithAccessKeys(input);
    await limiter.release(key, now);
    await limiter.recordSuccess(key, now);
    return withAccountAlias(signIn);
  }
  return withAccountAlias(await signInWithPassword(input));
}

/** The console's next-auth configuration. */
export function authOptions(): AuthOptions {
  const env = consoleEnv();
  return {
    secret: authSecret(),
    // The cookie outlives the session by a few minutes so an expired session is recognised as such (and said so).
    session: { strategy: 'jwt', maxAge: env.sessionMaxSeconds + 300 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'gatehouse',
        name: 'Gatehouse',
        credentials: {},
        async authorize(credentials, request) {
          try {
            const signIn = await authorize(credentials as Record<string, string> | undefined, request?.headers);
            return { id: signIn.principal.arn, signIn } as unknown as { id: string };
          } catch (error) {
            if (error instanceof SignInError) {
              // next-auth passes this message to the sign-in form as `error`: a code, never a detail.
              throw new Error(error.retryAfterSeconds ? `${error.code}:${error.retryAfterSeconds}` : error.code);
            }
            throw new Error('ServiceUnavailable');
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const signIn = (user as unknown as { signIn?: ConsoleSignIn } | undefined)?.signIn;
        if (signIn) {
          const signedInAt = Math.floor(Date.now() / 1000);
          const claims: ConsoleClaims = {
            method: signIn.method,
            principal: signIn.principal,
            credentials: signIn.credentials,
            passwordResetRequired: signIn.passwordResetRequired,
            signedInAt,
            expiresAt: sessionExpiresAt(signedInAt, signIn.credentials, env.sessionMaxSeconds),
          };
          return { sub: signIn.principal.arn, gh: claims };
        }
        const claims = claimsOf(token);
        // Throwing makes next-auth clear the session cookie: the session ends with its credentials (or at sign-out).
        if (!claims || isExpired(claims) || !(await credentialsStillValid(claims.credentials, claims.expiresAt)))
          throw new Error('SessionExpired');
        return token;
      },
      async session({ token }) {
        const claims = claimsOf(token)!;
        // Only what is safe to show: no credentials ever reach the browser.
        const session: Session = {
          expires: new Date(claims.expiresAt * 1000).toISOString(),
          principal: claims.principal,
          passwordResetRequired: claims.passwordResetRequired,
          target: describeTarget(env.target),
        };
        return session;
      },
    },
    events: {
      // Sign-out ends the session for good: the service revokes its credentials and the old cookie is refused.
      async signOut({ token }) {
        const claims = claimsOf(token as Record<string, unknown> | null);
        if (claims) await revokeConsoleSession(claims.credentials, claims.expiresAt);
      },
    },
    logger: {
      error(code) {
        if (code === 'JWT_SESSION_ERROR') return; // an expired session, already handled
        console.error(`[console-auth] ${code}`);
      },
      warn(code) {
        console.warn(`[console-auth] ${code}`);
      },
      debug() {},
    },
  };
}
