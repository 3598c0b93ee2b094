// Groups: by path, create.
import { Suspense } from 'react';
import { GroupsList } from '@/components/groups/groups-list';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Groups' };

export default function GroupsPage() {
  return (
    <div>
      <PageHeader title="Groups" description="A group's policies apply to every user in it." />
      <Suspense fallback={<LoadingBlock label="Reading groups…" />}>
        <GroupsList />
      </Suspense>
    </div>
  );
}
