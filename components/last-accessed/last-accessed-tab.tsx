'use client';
// Services a user, role or group's policies allow and when they were last used (and, for services whose actions
// are tracked, such as IAM, each action used): GenerateServiceLastAccessedDetails at action level, then GetServiceLastAccessedDetails polled until
// the job completes.
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';
import { EmptyState } from '@/components/ui/empty-state';
import { actionErrorOf, unwrap, type ActionFailure } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { generateServiceLastAccessedDetails } from '@/lib/console/actions/last-accessed/generate-service-last-accessed-details';
import { getServiceLastAccessedDetails } from '@/lib/console/actions/last-accessed/get-service-last-accessed-details';
import { formatTime } from '@/components/ui/time';

/** `2026-11-28T01:02:03.000Z` → `2026-11-28 01:02 UTC`. */
function utc(iso: string): string {
  return formatTime(iso);
}

const CAPTIONS = {
  user: 'Services the user is allowed, and when it last used them',
  role: 'Services the role is allowed, and when its sessions last used them',
  group: "Services the group's policies allow, and when its members last used them",
};

/** The tab's content for the entity `arn`; `queryKey` is the entity's detail key (the report is cached under it). */
export function LastAccessedTab({ arn, subject, queryKey }: { arn: string; subject: keyof typeof CAPTIONS; queryKey: readonly unknown[] }) {
  const job = useQuery<{ jobId: string }, ActionFailure>({
    queryKey: [...queryKey, 'last-accessed-job'],
    queryFn: async () => unwrap(await generateServiceLastAccessedDetails({ arn })),
    staleTime: 60_000,
  });
  const details = useQuery({
    queryKey: [...queryKey, 'last-accessed', job.data?.jobId],
    enabled: !!job.data,
    queryFn: async () => unwrap(await getServiceLastAccessedDetails({ jobId: job.data!.jobId })),
    refetchInterval: (q) => (q.state.data?.status === 'IN_PROGRESS' ? 1000 : false),
  });
  if (job.isError) return <ErrorState error={actionErrorOf(job.error)!} />;
  if (details.isError) return <ErrorState error={actionErrorOf(details.error)!} />;
  if (!details.data || details.data.status === 'IN_PROGRESS') return <LoadingBlock label="Generating the last-accessed report…" />;
  if (details.data.status === 'FAILED')
    return (
      <ErrorState
        error={{ code: 'JobFailed', message: details.data.error ?? 'The report could not be generated.' }}
        title="The last-accessed report failed"
      />
    );
  const services = [...details.data.services].sort(
    (a, b) => (b.lastAuthenticated ?? '').localeCompare(a.lastAuthenticated ?? '') || a.serviceName.localeCompare(b.serviceName),
  );
  if (services.length === 0) return <EmptyState title={`The ${subject}'s policies allow no service`} />;
  return (
    <Table caption={CAPTIONS[subject]}>
      <THead>
        <tr>
          <Th>Service</Th>
          <Th>Last accessed</Th>
        </tr>
      </THead>
      <TBody>
        {services.map((s) => (
          <Tr key={s.serviceNamespace}>
            <Td>
              {s.serviceName} <span className="font-mono text-xs text-slate-500">{s.serviceNamespace}</span>
            </Td>
            <Td className="text-xs">
              {s.lastAuthenticated ? utc(s.lastAuthenticated) : 'Not accessed in the tracking period'}
              {s.trackedActions.length > 0 && (
                <ul className="mt-1 space-y-0.5" aria-label={`${s.serviceName} actions used`}>
                  {s.trackedActions.map((a) => (
                    <li key={a.actionName}>
                      <span className="font-mono">
                        {s.serviceNamespace}:{a.actionName}
                      </span>{' '}
                      <span className="text-slate-500 dark:text-slate-400">{a.lastAccessed ? utc(a.lastAccessed) : 'not used'}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
