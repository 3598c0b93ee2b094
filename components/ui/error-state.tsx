// An API error where the data would be: the message a person can act on, the missing permission, a retry.
import type { ReactNode } from 'react';
import type { ActionError } from '@/lib/console/result';
import { Alert } from './alert';

/** A title naming what kind of failure it was, for callers that do not name what failed themselves. */
export function failureTitle(code: string): string {
  return FAILURE_TITLES[code] ?? 'The request failed';
}

const FAILURE_TITLES: Record<string, string> = {
  AccessDenied: 'Access denied',
  SessionExpired: 'Session expired',
  NotSignedIn: 'Not signed in',
  NoSuchEntity: 'Not found',
  EntityAlreadyExists: 'Already exists',
  LimitExceeded: 'Quota reached',
  DeleteConflict: 'Still in use',
  MalformedPolicyDocument: 'The policy document is not valid',
  PasswordPolicyViolation: 'The password does not meet the password policy',
  InvalidInput: 'Not valid',
  ValidationError: 'Not valid',
  UnmodifiableEntity: 'Cannot be changed',
  ConcurrentModification: 'Changed by someone else meanwhile',
  Throttling: 'Too many requests',
  NetworkError: 'The console could not be reached',
  ServiceUnavailable: 'The service is unavailable',
};

/**
 * `title` names what failed ("The user was not added to the group"); without one the title names the kind of
 * failure. The message below is the service's, shown once.
 */
export function ErrorState({ error, title, action }: { error: ActionError; title?: ReactNode; action?: ReactNode }) {
  const heading = title ?? failureTitle(error.code);
  return (
    <Alert tone="error" title={heading}>
      <p>{error.message}</p>
      {error.permission && (
        <p className="mt-1">
          Missing permission: <code className="font-mono">{error.permission}</code>
        </p>
      )}
      {error.code === 'SessionExpired' && (
        <p className="mt-2">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load drops the expired session's client state */}
          <a className="font-medium underline" href="/sign-in?reason=expired">
            Sign in again
          </a>
        </p>
      )}
      {action && <div className="mt-2">{action}</div>}
    </Alert>
  );
}
