// Users: the path tree, the virtualised table and create-user; all data through the principal's IAM calls.
import { Suspense } from 'react';
import { UsersPage } from '@/components/users/users-page';
import { LoadingBlock } from '@/components/ui/spinner';
import { consoleEnv } from '@/lib/console/env';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Users' };

export default async function Page() {
  const { principal } = await requireConsoleSession();
  const signInUrl = `${consoleEnv().nextAuthUrl}/sign-in/${principal.accountAlias ?? principal.accountId}`;
  return (
    <Suspense fallback={<LoadingBlock label="Loading users…" />}>
      <UsersPage signInUrl={signInUrl} />
    </Suspense>
  );
}
