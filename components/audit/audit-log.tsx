'use client';
// The audit log over the service's trail: filters (principal, action, outcome, time range) kept in the URL,
// pages loaded one after another with the route's nextToken, and one event's full record as text.
import { useInfiniteQuery } from '@tanstack/react-query';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, unwrap, type ActionFailure } from '@/components/ui/query';
import { LoadMore } from '@/components/ui/load-more';
import { LoadingBlock } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { listAuditEvents, type AuditEventRow, type AuditEventsPage } from '@/lib/console/actions/account/list-audit-events';
import { formatTime } from '@/components/ui/time';

const OUTCOMES = [
  { value: '', label: 'Any outcome' },
  { value: 'success', label: 'Success' },
  { value: 'denied', label: 'Denied' },
  { value: 'error', label: 'Error' },
] as const;

/** `datetime-local` text (local time) → ISO 8601, or undefined. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function OutcomeBadge({ event }: { event: AuditEventRow }) {
  if (event.outcomeKind === 'success') return <Badge tone="success">Success</Badge>;
  return <Badge tone={event.outcomeKind === 'denied' ? 'warning' : 'danger'}>{event.errorCode}</Badge>;
}

export function AuditLog() {
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = {
    principal: params.get('principal') ?? '',
    eventName: params.get('action') ?? '',
    outcome: (params.get('outcome') ?? '') as '' | 'success' | 'denied' | 'error',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  const [open, setOpen] = useState<AuditEventRow>();

  const events = useInfiniteQuery<AuditEventsPage, ActionFailure>({
    queryKey: ['audit-events', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await listAuditEvents({
          principal: filters.principal || undefined,
          eventName: filters.eventName || undefined,
          outcome: filters.outcome || undefined,
          startTime: toIso(filters.from),
          endTime: toIso(filters.to),
          maxResults: 50,
          nextToken: pageParam as string | undefined,
        }),
      ),
    getNextPageParam: (last) => (last.available ? last.nextToken : undefined),
    staleTime: 5_000,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.principal.trim()) next.set('principal', draft.principal.trim());
    if (draft.eventName.trim()) next.set('action', draft.eventName.trim());
    if (draft.outcome) next.set('outcome', draft.outcome);
    if (draft.from) next.set('from', draft.from);
    if (draft.to) next.set('to', draft.to);
    const text = next.toString();
    window.history.replaceState(null, '', text ? `${pathname}?${text}` : pathname);
  };

  const first = events.data?.pages[0];
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="space-y-4">
      <form
        onSubmit={apply}
        aria-label="Audit filters"
        className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-800"
      >
        <Input
          label="Principal ARN"
          value={draft.principal}
          onChange={(e) => setDraft({ ...draft, principal: e.target.value })}
          placeholder="arn:aws:iam::123456789012:user/alice"
          hint="A role ARN also matches its sessions."
        />
        <Input
          label="Action"
          value={draft.eventName}
          onChange={(e) => setDraft({ ...draft, eventName: e.target.value })}
          placeholder="CreateUser"
        />
        <div className="space-y-1">
          <label htmlFor="audit-outcome" className="block text-sm font-medium">
            Outcome
          </label>
          <select
            id="audit-outcome"
            value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value as typeof draft.outcome })}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            {OUTCOMES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <Input label="From" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <Input label="To" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft({ principal: '', eventName: '', outcome: '', from: '', to: '' });
              window.history.replaceState(null, '', pathname);
            }}
          >
            Clear
          </Button>
        </div>
      </form>
      {events.isPending && <LoadingBlock label="Reading the audit trail…" />}
      {events.isError && <ErrorState error={actionErrorOf(events.error)!} />}
      {first && !first.available && (
        <Alert tone="info" title="The audit log is a Gatehouse feature">
          {first.reason === 'aws'
            ? 'The console is connected to AWS: API activity is recorded by AWS CloudTrail, not by Gatehouse.'
            : first.message}
        </Alert>
      )}
      {first?.available &&
        (rows.length === 0 ? (
          <EmptyState title="No events match these filters" />
        ) : (
          <div className="space-y-2">
            <Table caption="Audit events, newest first">
              <THead>
                <tr>
                  <Th>Time (UTC)</Th>
                  <Th>Action</Th>
                  <Th>Principal</Th>
                  <Th>Source IP</Th>
                  <Th>Outcome</Th>
                  <Th>
                    <span className="sr-only">Details</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {rows.map((e, i) => (
                  <Tr key={`${e.id}-${i}`}>
                    <Td className="whitespace-nowrap font-mono text-xs">{formatTime(e.time, { seconds: true })}</Td>
                    <Td>
                      {e.service ? `${e.service}:` : ''}
                      {e.action}
                    </Td>
                    <Td className="break-all font-mono text-xs">{e.principalArn}</Td>
                    <Td className="font-mono text-xs">{e.sourceIp}</Td>
                    <Td>
                      <OutcomeBadge event={e} />
                    </Td>
                    <Td>
                      <Button size="sm" variant="ghost" onClick={() => setOpen(e)} aria-label={`Details of ${e.action} at ${e.time}`}>
                        Details
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            <LoadMore summary={`${rows.length} events shown`} list={events} label="Load older events" />
          </div>
        ))}
      <Dialog
        open={!!open}
        onClose={() => setOpen(undefined)}
        title={open ? `${open.action} at ${open.time}` : ''}
        footer={<Button onClick={() => setOpen(undefined)}>Close</Button>}
      >
        {open && (
          <pre
            className="max-h-[60vh] overflow-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-950"
            data-testid="audit-event-json"
          >
            {open.json}
          </pre>
        )}
      </Dialog>
    </div>
  );
}
