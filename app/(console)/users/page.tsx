// Users: the path tree and the virtualised table (Create user opens /users/new); all data through the principal's IAM calls.
import { Suspense } from 'react';
import { UsersPage } from '@/components/users/users-page';
import { listUsers } from '@/lib/console/actions/users/list-users';
import { LoadingBlock } from '@/components/ui/spinner';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Users' };

export default async function Page() {
  await requireConsoleSession();
  // Every user (all pages) is read while the page streams, instead of after the browser has hydrated it.
  const initialUsers = listUsers({});
  return (
    <Suspense fallback={<LoadingBlock label="Loading users…" />}>
      <UsersPage initialUsers={initialUsers} />
    </Suspense>
  );
}
