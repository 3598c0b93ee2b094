// Root layout of the Gatehouse console: theme before first paint (nonce'd script), the client providers.
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { Providers } from '@/components/shell/providers';
import './globals.css';

export const metadata = { title: { default: 'Gatehouse', template: '%s · Gatehouse' }, description: 'AWS-compatible IAM, locally' };

// Applies the stored theme (or the system's) before the page paints, so there is no flash.
const THEME_SCRIPT = `try{var t=localStorage.getItem('gatehouse-theme');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which nonce-based CSP requires.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
