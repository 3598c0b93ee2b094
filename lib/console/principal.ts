// The signed-in principal and its credentials, as kept in the encrypted session token.
import 'server-only';

/** Who is signed in; safe to show (no secrets). */
export interface ConsolePrincipal {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'Unknown';
  arn: string;
  accountId: string;
  userName?: string;
  accountAlias?: string;
}

/** Credentials the console signs IAM calls with. Never leave the server. */
export interface ConsoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** ISO-8601; absent for long-term keys kept as they are. */
  expiration?: string;
}

/** How the person signed in. */
export type SignInMethod = 'root' | 'user' | 'access-keys';

/** Everything a successful sign-in yields. */
export interface ConsoleSignIn {
  method: SignInMethod;
  principal: ConsolePrincipal;
  credentials: ConsoleCredentials;
  passwordResetRequired: boolean;
}

/** Derives the principal's type from an ARN, for GetCallerIdentity answers. */
export function principalTypeOfArn(arn: string): ConsolePrincipal['type'] {
  const resource = arn.split(':').slice(5).join(':');
  if (resource === 'root') return 'Root';
  if (resource.startsWith('user/')) return 'IAMUser';
  if (resource.startsWith('assumed-role/')) return 'AssumedRole';
  if (resource.startsWith('federated-user/')) return 'FederatedUser';
  return 'Unknown';
}

/** The user name of an IAM user ARN (the last path segment). */
export function userNameOfArn(arn: string): string | undefined {
  const resource = arn.split(':').slice(5).join(':');
  if (!resource.startsWith('user/')) return undefined;
  return resource.slice(resource.lastIndexOf('/') + 1);
}
