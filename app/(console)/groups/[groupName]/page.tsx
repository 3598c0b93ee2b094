// One group: members, permissions, settings (`?tab=`).
import { Suspense } from 'react';
import { GroupDetail } from '@/components/groups/group-detail';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Group' };

export default async function GroupPage({ params }: { params: Promise<{ groupName: string }> }) {
  const { groupName } = await params;
  // Group names cannot contain '%', so decoding is safe whether or not the router already did.
  const name = decodeURIComponent(groupName);
  return (
    <Suspense fallback={<LoadingBlock label="Reading the group…" />}>
      <GroupDetail key={name} groupName={name} />
    </Suspense>
  );
}
