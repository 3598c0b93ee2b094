// Create group: a page of its own, like users and roles.
import { CreateGroupForm } from '@/components/groups/create-group-form';
import { CreatePage } from '@/components/ui/create-form';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Create group' };

export default async function CreateGroupPage() {
  await requireConsoleSession();
  return (
    <CreatePage
      kind="group"
      description="A group gives its member users the same permissions. Add members and attach policies on the group's page after creating it."
    >
      <CreateGroupForm />
    </CreatePage>
  );
}
