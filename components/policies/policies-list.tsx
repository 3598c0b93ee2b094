'use client';
// Managed policies: customer / AWS managed / all (ListPolicies Scope), attached only, search by name; pages read
// through the API (search reads every page, since IAM has no name filter). Filters live in the URL.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf } from '@/components/ui/query';
import { LoadMore } from '@/components/ui/load-more';
import { LoadingBlock, ProgressBar } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { listPolicies } from '@/lib/console/actions/policies/list-policies';
import { formatDate, policyHref } from './format';
import { usePagedList } from './use-paged-list';
import { useUrlState } from './use-url-state';

const SCOPES = [
  { id: 'Local', label: 'Customer managed' },
  { id: 'AWS', label: 'AWS managed' },
  { id: 'All', label: 'All' },
] as const;

export function PoliciesList() {
  const [scope, setScope] = useUrlState('scope', 'Local');
  const [attached, setAttached] = useUrlState('attached', '');
  const [search, setSearch] = useUrlState('q', '');
  const [draft, setDraft] = useState(search);
  const validScope = (SCOPES.find((s) => s.id === scope) ?? SCOPES[0]).id;
  const onlyAttached = attached === '1';
  const list = usePagedList(['policies', validScope, onlyAttached], listPolicies, { scope: validScope, onlyAttached });

  // Searching reads every page: IAM's ListPolicies has no name filter.
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = list;
  useEffect(() => {
    if (search && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [search, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (draft !== search) setSearch(draft);
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, search, setSearch]);

  const needle = search.trim().toLowerCase();
  const shown = needle ? list.items.filter((p) => p.policyName.toLowerCase().includes(needle)) : list.items;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap gap-1" aria-label="Policy type">
          <legend className="sr-only">Policy type</legend>
          {SCOPES.map((s) => (
            <label
              key={s.id}
              className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 ${
                validScope === s.id
                  ? 'border-blue-700 bg-blue-50 font-medium dark:border-sky-400 dark:bg-sky-950'
                  : 'border-slate-300 dark:border-slate-600'
              }`}
            >
              <input type="radio" name="scope" className="sr-only" checked={validScope === s.id} onChange={() => setScope(s.id)} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyAttached} onChange={(e) => setAttached(e.target.checked ? '1' : '')} />
          Attached only
        </label>
        <Input label="Search by name" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} className="w-64" />
      </div>

      {list.isPending ? (
        <LoadingBlock label="Reading policies…" />
      ) : list.isError && list.items.length === 0 ? (
        <ErrorState error={actionErrorOf(list.error)!} />
      ) : shown.length === 0 && !list.hasNextPage ? (
        <EmptyState
          title={needle ? `No policy name contains "${search}".` : 'No policies match these filters.'}
          action={
            <Link href="/policies/new" className="text-sm font-medium underline">
              Create a policy
            </Link>
          }
        />
      ) : (
        <>
          {search && list.hasNextPage && <ProgressBar label="Reading every page of policies to search them" />}
          <Table caption="Managed policies">
            <THead>
              <tr>
                <Th>Policy name</Th>
                <Th>Type</Th>
                <Th>Attached entities</Th>
                <Th>Path</Th>
                <Th>Updated</Th>
              </tr>
            </THead>
            <TBody>
              {shown.map((p) => (
                <Tr key={p.arn}>
                  <Td>
                    <Link
                      className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300"
                      href={policyHref(p.arn)}
                    >
                      {p.policyName}
                    </Link>
                  </Td>
                  <Td>{p.awsManaged ? <Badge tone="info">AWS managed</Badge> : <Badge>Customer managed</Badge>}</Td>
                  <Td className="tabular-nums">{p.attachmentCount}</Td>
                  <Td className="font-mono text-xs">{p.path}</Td>
                  <Td className="whitespace-nowrap text-xs">{formatDate(p.updateDate)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <LoadMore summary={`${shown.length} shown${needle ? ` of ${list.items.length} read` : ''}`} list={list} enabled={!search}>
            {list.isError && <ErrorState error={actionErrorOf(list.error)!} />}
          </LoadMore>
        </>
      )}
    </div>
  );
}
