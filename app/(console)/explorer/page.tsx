// Explorer: who can do X on Y across every principal, and the account's shape by path and as a graph.
import { Suspense } from 'react';
import { Explorer } from '@/components/explorer/explorer';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/spinner';

export const metadata = { title: 'Explorer' };

export default function ExplorerPage() {
  return (
    <div>
      <PageHeader
        title="Explorer"
        description="Ask who can perform an action on a resource — every user and role is evaluated in your browser with the account's own policies — and browse the account by path."
      />
      <Suspense fallback={<LoadingBlock label="Loading the explorer…" />}>
        <Explorer />
      </Suspense>
    </div>
  );
}
