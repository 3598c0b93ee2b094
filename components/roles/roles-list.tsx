'use client';
// Roles by path (ListRoles PathPrefix, paged through the API); service-linked roles marked. Path in the URL.
import Link from 'next/link';
import { formatDate } from '@/components/policies/format';
import { usePagedList } from '@/components/policies/use-paged-list';
import { useUrlState } from '@/components/policies/use-url-state';
import { Badge } from '@/components/ui/badge';
import { PagedListView } from '@/components/ui/paged-list-view';
import { PathPrefixFilter } from '@/components/ui/path-prefix-filter';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { listRoles } from '@/lib/console/actions/roles/list-roles';

export function RolesList() {
  const [pathPrefix, setPathPrefix] = useUrlState('path', '/');
  const list = usePagedList(['roles', pathPrefix], listRoles, { pathPrefix });
  return (
    <div className="space-y-4">
      <PathPrefixFilter value={pathPrefix} onApply={setPathPrefix} />
      <PagedListView list={list} loadingLabel="Reading roles…" emptyTitle={`No role under ${pathPrefix}.`}>
        {(items) => (
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
              {items.map((r) => (
                <Tr key={r.arn}>
                  <Td>
                    <Link
                      className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300"
                      href={`/roles/${encodeURIComponent(r.roleName)}`}
                    >
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
        )}
      </PagedListView>
    </div>
  );
}
