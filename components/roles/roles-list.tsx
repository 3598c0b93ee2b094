'use client';
// Roles by path (ListRoles PathPrefix, paged through the API); service-linked roles marked. Path in the URL.
import Link from 'next/link';
import { formatDate } from '@/components/policies/format';
import { usePagedList } from '@/components/policies/use-paged-list';
import { useUrlState } from '@/components/policies/use-url-state';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf } from '@/components/ui/query';
import { LoadMore } from '@/components/ui/load-more';
import { LoadingBlock } from '@/components/ui/spinner';
import { PathPrefixFilter } from '@/components/ui/path-prefix-filter';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { listRoles } from '@/lib/console/actions/roles/list-roles';

export function RolesList() {
  const [pathPrefix, setPathPrefix] = useUrlState('path', '/');
  const list = usePagedList(['roles', pathPrefix], listRoles, { pathPrefix });
  return (
    <div className="space-y-4">
      <PathPrefixFilter value={pathPrefix} onApply={setPathPrefix} />
      {list.isPending ? (
        <LoadingBlock label="Reading roles…" />
      ) : list.isError && list.items.length === 0 ? (
        <ErrorState error={actionErrorOf(list.error)!} />
      ) : list.items.length === 0 ? (
        <EmptyState title={`No role under ${pathPrefix}.`} />
      ) : (
        <>
          <Table caption="Roles">
            <THead>
              <tr>
                <Th>Role name</Th>
                <Th>Path</Th>
                <Th>Description</Th>
                <Th>Last used</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {list.items.map((r) => (
                <Tr key={r.arn}>
                  <Td>
                    <Link className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300" href={`/roles/${encodeURIComponent(r.roleName)}`}>
                      {r.roleName}
                    </Link>{' '}
                    {r.serviceLinked && <Badge tone="info">Service-linked</Badge>}
                  </Td>
                  <Td className="font-mono text-xs">{r.path}</Td>
                  <Td className="max-w-xs truncate text-xs">{r.description}</Td>
                  <Td className="text-xs">{r.lastUsedDate ? formatDate(r.lastUsedDate) : 'Never'}</Td>
                  <Td className="text-xs">{formatDate(r.createDate)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <LoadMore summary={`${list.items.length} shown`} list={list} />
        </>
      )}
    </div>
  );
}
