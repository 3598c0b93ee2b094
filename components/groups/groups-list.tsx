'use client';
// Groups by path (ListGroups PathPrefix, paged through the API) and a create form. The path filter is in the URL.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { formatDate } from '@/components/policies/format';
import { usePagedList } from '@/components/policies/use-paged-list';
import { useUrlState } from '@/components/policies/use-url-state';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { PagedListView } from '@/components/ui/paged-list-view';
import { PathPrefixFilter } from '@/components/ui/path-prefix-filter';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { createGroup } from '@/lib/console/actions/groups/create-group';
import { listGroups } from '@/lib/console/actions/groups/list-groups';

function CreateGroupForm() {
  const router = useRouter();
  const [groupName, setGroupName] = useState('');
  const [path, setPath] = useState('/');
  const create = useActionMutation(createGroup, { invalidates: [['groups']], onSuccess: (data) => router.push(`/groups/${encodeURIComponent(data.groupName)}`) });
  const error = actionErrorOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ groupName, path });
  };
  return (
    <form onSubmit={submit} aria-label="Create group" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="font-semibold">Create group</h2>
      <div className="flex flex-wrap items-start gap-3">
        <Input label="Group name" required value={groupName} onChange={(e) => setGroupName(e.target.value)} error={error?.field === 'groupName' ? error.message : undefined} className="w-64" />
        <Input label="Path" value={path} onChange={(e) => setPath(e.target.value)} error={error?.field === 'path' ? error.message : undefined} className="w-64" hint="e.g. /engineering/" />
        <Button type="submit" pending={create.isPending} className="mt-6">
          Create group
        </Button>
      </div>
      {error && error.field !== 'groupName' && error.field !== 'path' && <ErrorState error={error} title="The group was not created" />}
    </form>
  );
}

export function GroupsList() {
  const [pathPrefix, setPathPrefix] = useUrlState('path', '/');
  const list = usePagedList(['groups', pathPrefix], listGroups, { pathPrefix });
  return (
    <div className="space-y-4">
      <CreateGroupForm />
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
                    <Link className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300" href={`/groups/${encodeURIComponent(g.groupName)}`}>
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
