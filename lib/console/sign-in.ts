// The three ways into the console: root or IAM user through the service's sign-in route, or access keys
// checked with sts:GetCallerIdentity (and, against Gatehouse, exchanged for a console session that sign-out revokes).
import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { stsClientFor } from './clients';
import { postGatehouseRoute } from './gatehouse-route';
import { relayHeaders } from './client-relay';
import { consoleEnv, type IamTarget } from './env';
import { principalTypeOfArn, userNameOfArn, type ConsoleCredentials, type ConsoleSignIn } from './principal';
import { memorySignInAttempts, SignInLimiter } from '../authn/sign-in-limits';

/** A refused sign-in. `code` is what the sign-in form shows a message for; never says which part was wrong. */
export class SignInError extends Error {
  constructor(
    readonly code: 'InvalidCredentials' | 'MfaRequired' | 'TooManyAttempts' | 'Unsupported' | 'ServiceUnavailable',
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

export type PasswordSignInInput =
  | { type: 'root'; email: string; password: string; mfaCode?: string }
  | { type: 'user'; account: string; userName: string; password: string; mfaCode?: string };

interface SignInRouteSuccess {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
  principal: { type: 'Root' | 'IAMUser'; arn: string; accountId: string; userName?: string; accountAlias?: string };
  passwordResetRequired: boolean;
}

/**
 * How long the credentials of a console session are asked to last: as long as the session may (its
 * GATEHOUSE_CONSOLE_SESSION_SECONDS), within the 900-43,200 s the sign-in routes issue, so that they stop answering
 * when the console's session ends rather than up to 12 hours later.
 */
export function consoleCredentialSeconds(sessionMaxSeconds: number): number {
  return Math.min(43_200, Math.max(900, Math.floor(sessionMaxSeconds)));
}

/**
 * Signs in a root or IAM user through `POST {endpoint}/_gatehouse/sign-in`, for credentials lasting `durationSeconds`
 * (by default as long as a console session may).
 */
export async function signInWithPassword(
  input: PasswordSignInInput,
  target: IamTarget = consoleEnv().target,
  durationSeconds = consoleCredentialSeconds(consoleEnv().sessionMaxSeconds),
): Promise<ConsoleSignIn> {
  if (target.kind === 'aws') throw new SignInError('Unsupported');
  let response: Response;
  try {
    response = await fetch(`${target.endpoint}/_gatehouse/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(await relayHeaders(target)) },
      body: JSON.stringify({ ...input, durationSeconds }),
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new SignInError('ServiceUnavailable');
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (response.status === 429) {
    const retry = Number(body?.retryAfterSeconds ?? response.headers.get('retry-after') ?? 60);
    throw new SignInError('TooManyAttempts', Number.isFinite(retry) ? retry : 60);
  }
  if (response.status === 401 || response.status === 403) {
    throw new SignInError(body?.error === 'MfaRequired' ? 'MfaRequired' : 'InvalidCredentials');
  }
  if (!response.ok || !body) throw new SignInError(response.status === 404 ? 'Unsupported' : 'ServiceUnavailable');
  const success = body as unknown as SignInRouteSuccess;
  if (!success.credentials?.accessKeyId || !success.principal?.arn) throw new SignInError('ServiceUnavailable');
  return {
    method: input.type,
    principal: {
      type: success.principal.type,
      arn: success.principal.arn,
      accountId: success.principal.accountId,
      userName: success.principal.userName,
      accountAlias: success.principal.accountAlias,
    },
    credentials: {
      accessKeyId: success.credentials.accessKeyId,
      secretAccessKey: success.credentials.secretAccessKey,
      sessionToken: success.credentials.sessionToken,
      expiration: success.credentials.expiration,
    },
    passwordResetRequired: Boolean(success.passwordResetRequired),
  };
}

function isAuthFailure(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return (
    status === 403 ||
    status === 401 ||
    ['InvalidClientTokenId', 'SignatureDoesNotMatch', 'AccessDenied', 'ExpiredToken', 'UnrecognizedClientException'].includes(name)
  );
}

/**
 * A console session for long-term keys from Gatehouse's `POST /_gatehouse/sign-in/access-keys` (signed with them);
 * undefined when the endpoint has no such route or refuses, and the keys are kept instead.
 */
async function consoleSessionFor(keys: ConsoleCredentials, target: IamTarget): Promise<ConsoleCredentials | undefined> {
  if (target.kind === 'aws') return undefined;
  try {
    const response = await postGatehouseRoute('sign-in/access-keys', keys, target, {
      DurationSeconds: String(consoleCredentialSeconds(consoleEnv().sessionMaxSeconds)),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Partial<SignInRouteSuccess>;
    const c = body.credentials;
    if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken) return undefined;
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
  } catch {
    return undefined;
  }
}

/**
 * Signs in with an access key pair: GetCallerIdentity proves it; then, against Gatehouse, the keys are exchanged for
 * a console session (as long as the console's own, at most 12 hours), which sign-out revokes at the service. Not with GetSessionToken: credentials it issues
 * without MFA may call no IAM API, on AWS and on Gatehouse alike (lib/authz/session-limits.ts). Against AWS, or an
 * endpoint without the route, the keys themselves are kept (encrypted, in the session cookie).
 */
export async function signInWithAccessKeys(input: ConsoleCredentials, target: IamTarget = consoleEnv().target): Promise<ConsoleSignIn> {
  let identity;
  try {
    identity = await stsClientFor(input, target).send(new GetCallerIdentityCommand({}));
  } catch (error) {
    if (isAuthFailure(error)) throw new SignInError('InvalidCredentials');
    throw new SignInError('ServiceUnavailable');
  }
  if (!identity.Arn || !identity.Account) throw new SignInError('ServiceUnavailable');
  const type = principalTypeOfArn(identity.Arn);
  let credentials = input;
  if (target.kind !== 'aws' && !input.sessionToken && (type === 'IAMUser' || type === 'Root')) {
    credentials = (await consoleSessionFor(input, target)) ?? input;
  }
  return {
    method: 'access-keys',
    principal: { type, arn: identity.Arn, accountId: identity.Account, userName: userNameOfArn(identity.Arn) },
    credentials,
    passwordResetRequired: false,
  };
}

const globalLimiter = globalThis as unknown as { __gatehouseAccessKeySignIns?: SignInLimiter };

/**
 * The limits of access-key sign-ins (the same rules as the service's password sign-in, lib/authn/sign-in-limits.ts,
 * counted in this process's memory because the target may be AWS): per browser address, per access key from one
 * address, and a slow-down per access key from addresses it never signed in from.
 */
export function accessKeySignInLimiter(): SignInLimiter {
  globalLimiter.__gatehouseAccessKeySignIns ??= new SignInLimiter(memorySignInAttempts());
  return globalLimiter.__gatehouseAccessKeySignIns;
}
