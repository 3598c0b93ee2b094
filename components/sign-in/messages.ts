// What the sign-in form says for each refusal code (never which part of the credentials was wrong).

/** Message for next-auth's `error` (our codes, optionally `Code:retryAfterSeconds`). */
export function signInErrorMessage(error: string): string {
  const [code, ...rest] = error.split(':');
  const retry = rest.length > 0 ? rest.join(':') : undefined;
  switch (code) {
    case 'InvalidCredentials':
    case 'CredentialsSignin':
      return 'Your authentication information is incorrect. Please try again.';
    case 'MfaRequired':
      return 'Enter the code from your MFA device to finish signing in.';
    case 'TooManyAttempts':
      // The text comes from the URL (`?error=`), which anyone can write: only a number of seconds is repeated.
      return `Too many failed sign-in attempts. Try again in ${retry !== undefined && /^\d{1,6}$/.test(retry) ? retry : 'a few'} seconds.`;
    case 'Unsupported':
      return 'Password sign-in needs a Gatehouse endpoint. This console is connected to AWS: sign in with access keys.';
    case 'ServiceUnavailable':
      return 'The sign-in service could not be reached. Try again in a moment.';
    default:
      return 'Sign-in failed. Please try again.';
  }
}

/** Why the sign-in page was opened, from `?reason=`. */
export function reasonMessage(reason: string | undefined): string | undefined {
  if (reason === 'expired') return 'Your session has expired. Sign in again.';
  if (reason === 'signed-out') return 'You have signed out.';
  if (reason === 'password-changed') return 'Your password was changed. Sign in with the new password.';
  return undefined;
}
