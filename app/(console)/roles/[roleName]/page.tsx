// One role: trust relationships, permissions, settings (`?tab=`).
import { Suspense } from 'react';
import { RoleDetail } from '@/components/roles/role-detail';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Role' };

export default async function RolePage({ params }: { params: Promise<{ roleName: string }> }) {
  const { roleName } = await params;
  // Role names cannot contain '%', so decoding is safe whether or not the router already did.
  const name = decodeURIComponent(roleName);
  return (
    <Suspense fallback={<LoadingBlock label="Reading the role…" />}>
      <RoleDetail key={name} roleName={name} />
    </Suspense>
  );
}
