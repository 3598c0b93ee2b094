'use client';
// Groups by path (ListGroups PathPrefix, paged through the API). The path filter is in the URL.
import Link from 'next/link';
import { formatDate } from '@/components/policies/format';
import { usePagedList } from '@/components/policies/use-paged-list';
import { useUrlState } from '@/components/policies/use-url-state';
import { PagedListView } from '@/components/ui/paged-list-view';
import { PathPrefixFilter } from '@/components/ui/path-prefix-filter';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { listGroups } from '@/lib/console/actions/groups/list-groups';

export function GroupsList() {
  const [pathPrefix, setPathPrefix] = useUrlState('path', '/');
  const list = usePagedList(['groups', pathPrefix], listGroups, { pathPrefix });
  return (
    <div className="space-y-4">
      <PathPrefixFilter value={pathPrefix} onApply={setPathPrefix} />
      <PagedListView list={list} loadingLabel="Reading groups…" emptyTitle={`No group under ${pathPrefix}.`}>
        {(items) => (
          <Table caption="Groups">
            <THead>
              <tr>
                <Th>Group name</Th>
                <Th>Path</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((g) => (
                <Tr key={g.arn}>
                  <Td>
                    <Link
                      className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300"
                      href={`/groups/${encodeURIComponent(g.groupName)}`}
                    >
                      {g.groupName}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{g.path}</Td>
                  <Td className="text-xs">{formatDate(g.createDate)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </PagedListView>
    </div>
  );
}
