// Roles: by path.
import Link from 'next/link';
import { Suspense } from 'react';
import { RolesList } from '@/components/roles/roles-list';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Roles' };

export default function RolesPage() {
  return (
    <div>
      <PageHeader
        title="Roles"
        description="Identities that trusted principals assume for temporary credentials."
        actions={
          <Link
            href="/roles/new"
            className="inline-flex h-10 items-center rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800 dark:bg-sky-600"
          >
            Create role
          </Link>
        }
      />
      <Suspense fallback={<LoadingBlock label="Reading roles…" />}>
        <RolesList />
      </Suspense>
    </div>
  );
}
