// Create a role.
import { CreateRoleForm } from '@/components/roles/create-role-form';
import { CreatePage } from '@/components/ui/create-form';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Create role' };

export default async function CreateRolePage() {
  const session = await requireConsoleSession();
  return (
    <CreatePage
      kind="role"
      description="Who may assume the role is its trust policy; what the role may do is its permissions, attached after creation."
    >
      <CreateRoleForm accountId={session.principal.accountId} />
    </CreatePage>
  );
}
