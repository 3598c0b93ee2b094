// Dashboard: the latest audit events from the service's trail; a clear note where there is none (AWS, or an
// endpoint without Gatehouse's audit route).
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { loadRecentAuditEvents } from '@/lib/console/audit-events';
import { toActionError } from '@/lib/console/errors';
import { GatehouseRouteUnavailable } from '@/lib/console/gatehouse-route';
import type { ConsoleCredentials } from '@/lib/console/principal';
import { formatTime } from '@/components/ui/time';

export async function RecentAuditEvents({ credentials }: { credentials: ConsoleCredentials }) {
  let events;
  try {
    events = await loadRecentAuditEvents(credentials, 10);
  } catch (error) {
    if (error instanceof GatehouseRouteUnavailable) {
      return (
        <Alert tone="info" title="No audit trail here">
          {error.reason === 'aws'
            ? 'The console is connected to AWS: its API activity is in AWS CloudTrail, not in Gatehouse’s audit trail.'
            : error.message}
        </Alert>
      );
    }
    return <ErrorState error={toActionError(error)} title="The audit trail could not be read" />;
  }
  if (events.length === 0) return <EmptyState title="No audit events yet" />;
  return (
    <div className="space-y-2">
      <Table caption="Latest audit events">
        <THead>
          <tr>
            <Th>Time</Th>
            <Th>Action</Th>
            <Th>Principal</Th>
            <Th>Source IP</Th>
            <Th>Outcome</Th>
          </tr>
        </THead>
        <TBody>
          {events.map((e) => (
            <Tr key={e.id}>
              <Td className="whitespace-nowrap font-mono text-xs">{formatTime(e.time, { seconds: true })}</Td>
              <Td>
                {e.service ? `${e.service}:` : ''}
                {e.action}
              </Td>
              <Td className="break-all font-mono text-xs">{e.principalArn}</Td>
              <Td className="font-mono text-xs">{e.sourceIp}</Td>
              <Td>{e.outcome === 'success' ? <Badge tone="success">Success</Badge> : <Badge tone="danger">{e.errorCode}</Badge>}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Link href="/audit" className="text-sm underline">
        All audit events
      </Link>
    </div>
  );
}
