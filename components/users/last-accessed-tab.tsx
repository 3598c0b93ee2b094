'use client';
// Services the user last accessed (and, for services whose actions are tracked, such as IAM, each action it
// used): GenerateServiceLastAccessedDetails at action level, then GetServiceLastAccessedDetails polled until
// the job completes.
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';
import { EmptyState } from '@/components/ui/empty-state';
import { actionErrorOf, unwrap, type ActionFailure } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { generateServiceLastAccessedDetails } from '@/lib/console/actions/users/generate-service-last-accessed-details';
import { getServiceLastAccessedDetails } from '@/lib/console/actions/users/get-service-last-accessed-details';
import { userKeys } from './use-users';

/** `2026-11-28T01:02:03.000Z` → `2026-11-28 01:02 UTC`. */
function utc(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

export function LastAccessedTab({ userName, arn }: { userName: string; arn: string }) {
  const job = useQuery<{ jobId: string }, ActionFailure>({ queryKey: userKeys.part(userName, 'last-accessed-job'), queryFn: async () => unwrap(await generateServiceLastAccessedDetails({ arn })), staleTime: 60_000 });
  const details = useQuery({
    queryKey: [...userKeys.part(userName, 'last-accessed'), job.data?.jobId],
    enabled: !!job.data,
    queryFn: async () => unwrap(await getServiceLastAccessedDetails({ jobId: job.data!.jobId })),
    refetchInterval: (q) => (q.state.data?.status === 'IN_PROGRESS' ? 1000 : false),
  });
  if (job.isError) return <ErrorState error={actionErrorOf(job.error)!} />;
  if (details.isError) return <ErrorState error={actionErrorOf(details.error)!} />;
  if (!details.data || details.data.status === 'IN_PROGRESS') return <LoadingBlock label="Generating the last-accessed report…" />;
  if (details.data.status === 'FAILED') return <ErrorState error={{ code: 'JobFailed', message: details.data.error ?? 'The report could not be generated.' }} />;
  const services = [...details.data.services].sort((a, b) => (b.lastAuthenticated ?? '').localeCompare(a.lastAuthenticated ?? '') || a.serviceName.localeCompare(b.serviceName));
  if (services.length === 0) return <EmptyState title="The user's policies allow no service" />;
  return (
    <Table caption="Services the user is allowed, and when it last used them">
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
