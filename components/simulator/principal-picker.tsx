'use client';
// Picks a user, group or role: the list is read page by page through the IAM API (ListUsers/ListGroups/ListRoles).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { actionErrorOf, unwrap } from '@/components/ui/query';
import { listSimulatorPrincipals } from '@/lib/console/actions/simulator/list-principals';
import type { PrincipalRef } from '@/lib/simulator/types';

const SELECT = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

export function PrincipalPicker({
  value,
  onChange,
  label = 'Principal',
}: {
  value?: PrincipalRef;
  onChange: (principal: PrincipalRef | undefined) => void;
  label?: string;
}) {
  const id = useId();
  const type = value?.type ?? 'user';
  const pages = useInfiniteQuery({
    queryKey: ['simulator-principals', type],
    queryFn: async ({ pageParam }) => unwrap(await listSimulatorPrincipals({ type, marker: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.marker,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const error = actionErrorOf(pages.error);
  return (
    <fieldset className="grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
      <legend className="sr-only">{label}</legend>
      <div>
        <label htmlFor={`${id}-type`} className="block text-sm font-medium">
          {label} type
        </label>
        <select
          id={`${id}-type`}
          className={SELECT}
          value={type}
          onChange={(e) => onChange({ type: e.target.value as PrincipalRef['type'], name: '' })}
        >
          <option value="user">User</option>
          <option value="group">Group</option>
          <option value="role">Role</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          {label} name
        </label>
        <select
          id={`${id}-name`}
          className={SELECT}
          value={value?.name ?? ''}
          onChange={(e) => onChange(e.target.value ? { type, name: e.target.value } : undefined)}
        >
          <option value="">{pages.isPending ? 'Loading…' : `Choose a ${type}`}</option>
          {value?.name && !items.some((i) => i.name === value.name) && <option value={value.name}>{value.name}</option>}
          {items.map((item) => (
            <option key={item.arn} value={item.name}>
              {item.path !== '/' ? `${item.name} (${item.path})` : item.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        {pages.hasNextPage && (
          <Button variant="secondary" pending={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-3 dark:text-red-400">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
