// Users: the path tree, the virtualised table and create-user; all data through the principal's IAM calls.
import { Suspense } from 'react';
import { UsersPage } from '@/components/users/users-page';
import { listUsers } from '@/lib/console/actions/users/list-users';
import { LoadingBlock } from '@/components/ui/spinner';
import { consolePublicOrigin } from '@/lib/console/public-url';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Users' };

export default async function Page() {
  const { principal } = await requireConsoleSession();
  const signInUrl = `${await consolePublicOrigin()}/sign-in/${principal.accountAlias ?? principal.accountId}`;
  // Every user (all pages) is read while the page streams, instead of after the browser has hydrated it.
  const initialUsers = listUsers({});
  return (
    <Suspense fallback={<LoadingBlock label="Loading users…" />}>
      <UsersPage signInUrl={signInUrl} initialUsers={initialUsers} />
    </Suspense>
  );
}
