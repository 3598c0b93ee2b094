// An API error where the data would be: the message a person can act on, the missing permission, a retry.
import type { ReactNode } from 'react';
import type { ActionError } from '@/lib/console/result';
import { Alert } from './alert';

export function ErrorState({ error, title, action }: { error: ActionError; title?: ReactNode; action?: ReactNode }) {
  const heading = title ?? (error.code === 'AccessDenied' ? 'Access denied' : error.code === 'SessionExpired' ? 'Session expired' : 'Something went wrong');
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
