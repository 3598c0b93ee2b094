'use client';
// Sign-out: next-auth's CSRF-protected POST clears the session cookie, then back to the sign-in page.
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign('/sign-in?reason=signed-out');
      }}
    >
      Sign out
    </Button>
  );
}
