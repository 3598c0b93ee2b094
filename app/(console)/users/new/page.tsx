// Create user: a page of its own, like groups and roles; `?path=` preselects the path chosen in the users list.
import { CreateUserForm } from '@/components/users/create-user-form';
import { CreatePage } from '@/components/ui/create-form';
import { consolePublicOrigin } from '@/lib/console/public-url';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Create user' };

export default async function CreateUserPage({ searchParams }: { searchParams: Promise<{ path?: string }> }) {
  const { principal } = await requireConsoleSession();
  const signInUrl = `${await consolePublicOrigin()}/sign-in/${principal.accountAlias ?? principal.accountId}`;
  const { path } = await searchParams;
  return (
    <CreatePage
      kind="user"
      description="An IAM user is a person or a workload with long-term credentials: a console password, access keys, or both. Permissions come from groups and policies, added after creation."
    >
      <CreateUserForm initialPath={typeof path === 'string' && path ? path : '/'} signInUrl={signInUrl} />
    </CreatePage>
  );
}
