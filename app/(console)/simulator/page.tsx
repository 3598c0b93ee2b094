// The policy simulator page: the signed-in account and region for ARN templates; everything else runs in the browser.
import { Suspense } from 'react';
import { Simulator } from '@/components/simulator/simulator';
import { LoadingBlock } from '@/components/ui/spinner';
import { PageHeader } from '@/components/ui/page-header';
import { consoleEnv } from '@/lib/console/env';
import { requireConsoleSession } from '@/lib/console/session';

export const metadata = { title: 'Policy simulator' };

export default async function SimulatorPage() {
  const session = await requireConsoleSession();
  return (
    <div>
      <PageHeader
        title="Policy simulator"
        description="Which statement allows or denies — computed in your browser as you type. Pick a user, group or role, or paste policies; enter actions, resources and context."
      />
      <Suspense fallback={<LoadingBlock label="Loading the simulator…" />}>
        <Simulator signedInAccountId={session.principal.accountId} region={consoleEnv().region} />
      </Suspense>
    </div>
  );
}
