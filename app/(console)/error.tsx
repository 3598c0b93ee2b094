'use client';
// Error boundary of every console page: a message a person can act on, a retry; never a stack trace.
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl space-y-4">
      <Alert tone="error" title="This page could not be shown">
        <p>Something went wrong while loading it. Try again; if it keeps failing, sign out and in again.</p>
        {error.digest && <p className="mt-1 text-xs">Reference: {error.digest}</p>}
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
