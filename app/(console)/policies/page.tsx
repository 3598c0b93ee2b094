// Managed policies: customer and AWS managed, attached-only filter, search.
import Link from 'next/link';
import { Suspense } from 'react';
import { PoliciesList } from '@/components/policies/policies-list';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Policies' };

export default function PoliciesPage() {
  return (
    <div>
      <PageHeader
        title="Policies"
        description="Managed policies define permissions; attach them to users, groups and roles, or use them as permissions boundaries."
        actions={
          <Link
            href="/policies/new"
            className="inline-flex h-10 items-center rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800 dark:bg-sky-600"
          >
            Create policy
          </Link>
        }
      />
      <Suspense fallback={<LoadingBlock label="Reading policies…" />}>
        <PoliciesList />
      </Suspense>
    </div>
  );
}
