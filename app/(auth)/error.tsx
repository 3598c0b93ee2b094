'use client';
// Error boundary of the sign-in pages: a plain message and a retry, never a stack trace.
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function AuthError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <Alert tone="error" title="The page could not be shown">
        Something went wrong. Try again.
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
