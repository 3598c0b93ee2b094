// Groups: by path; "Create group" opens its page.
import Link from 'next/link';
import { Suspense } from 'react';
import { buttonClass } from '@/components/ui/button';
import { GroupsList } from '@/components/groups/groups-list';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Groups' };

export default function GroupsPage() {
  return (
    <div>
      <PageHeader
        title="Groups"
        description="A group's policies apply to every user in it."
        actions={
          <Link className={buttonClass('primary')} href="/groups/new">
            Create group
          </Link>
        }
      />
      <Suspense fallback={<LoadingBlock label="Reading groups…" />}>
        <GroupsList />
      </Suspense>
    </div>
  );
}
