'use client';
// Client providers of the whole app: next-auth's session (principal only, never credentials) and TanStack Query.
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/ui/query';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <QueryProvider>{children}</QueryProvider>
    </SessionProvider>
  );
}
