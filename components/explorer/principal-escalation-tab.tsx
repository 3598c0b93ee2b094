'use client';
// A user's or role's "Paths to admin" tab: the explorer's escalation analysis of the whole account (read through
// GetAccountAuthorizationDetails, shared with the explorer's cache), shown for this one principal — its shortest
// path to admin, paths from here and paths to here — with a link to see it drawn in the explorer.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import type { EntityRef } from '@/lib/explorer/types';
import { entityHref } from './links';
import { PrincipalPaths } from './principal-paths';
import { useAccountSnapshot } from './use-account-snapshot';
import { useEscalation } from './use-escalation';

export function PrincipalEscalationTab({ principal }: { principal: EntityRef }) {
  const router = useRouter();
  const snapshot = useAccountSnapshot();
  const escalation = useEscalation(snapshot.account);
  if (snapshot.isError)
    return <ErrorState error={actionErrorOf(snapshot.error)!} title="The account's authorization details could not be read" />;
  if (!snapshot.account) return <LoadingBlock label="Reading the account's authorization details…" />;
  const progress = escalation?.progress;
  return (
    <div className="space-y-3" data-testid="principal-escalation-tab">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Every way this {principal.type} can come to act as another principal, and every principal that can come to act as it, over any
        number of steps, from the account&apos;s policies.{' '}
        <Link className="underline" href={`/explorer?principal=${encodeURIComponent(`${principal.type}:${principal.name}`)}`}>
          See it in the explorer
        </Link>
        .
      </p>
      {progress && !progress.finished && (
        <LoadingBlock
          label={`Looking for paths to admin… ${progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}%`}
        />
      )}
      <PrincipalPaths
        account={snapshot.account}
        escalation={escalation}
        principal={principal}
        onSelect={(ref) => router.push(entityHref(ref))}
      />
    </div>
  );
}
