// A managed policy's detail page (the ARN is in the query string: `?arn=…&tab=…`).
import { Suspense } from 'react';
import { PolicyDetail } from '@/components/policies/policy-detail';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Policy' };

export default async function PolicyDetailPage({ searchParams }: { searchParams: Promise<{ arn?: string | string[] }> }) {
  const { arn } = await searchParams;
  const policyArn = Array.isArray(arn) ? arn[0] : arn;
  if (!policyArn) return <EmptyState title="No policy selected." />;
  return (
    <Suspense fallback={<LoadingBlock label="Reading the policy…" />}>
      <PolicyDetail key={policyArn} policyArn={policyArn} />
    </Suspense>
  );
}
