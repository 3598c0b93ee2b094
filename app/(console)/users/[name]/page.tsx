// One user's page: identity, permissions, groups, tags, security credentials, last accessed.
import { Suspense } from 'react';
import { LoadingBlock } from '@/components/ui/spinner';
import { UserDetail } from '@/components/users/user-detail';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: `User ${decodeURIComponent((await params).name)}` };
}

export default async function Page({ params }: { params: Promise<{ name: string }> }) {
  const userName = decodeURIComponent((await params).name);
  return (
    <Suspense fallback={<LoadingBlock label="Loading the user…" />}>
      <UserDetail userName={userName} />
    </Suspense>
  );
}
