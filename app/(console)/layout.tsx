// The console shell: only for an active session (and after any forced password change); header, navigation,
// skip link, main landmark.
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { Header } from '@/components/shell/header';
import { Nav } from '@/components/shell/nav';
import { SkipLink } from '@/components/shell/skip-link';
import { consoleEnv, describeTarget } from '@/lib/console/env';
import { getConsoleSessionState } from '@/lib/console/session';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const state = await getConsoleSessionState();
  if (state.status !== 'active') redirect(state.status === 'expired' ? '/sign-in?reason=expired' : '/sign-in');
  const { principal, passwordResetRequired } = state.session;
  if (passwordResetRequired) redirect('/change-password');
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <Header
        accountId={principal.accountId}
        accountAlias={principal.accountAlias}
        principalArn={principal.arn}
        principalType={principal.type}
        target={describeTarget(consoleEnv().target)}
      />
      <div className="flex flex-1 flex-col md:flex-row">
        <div className="border-b border-slate-200 bg-white md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900">
          <Nav />
        </div>
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none sm:p-6 lg:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
