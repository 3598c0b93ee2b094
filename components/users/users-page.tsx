'use client';
// The users section: the path tree (from every user's path, with counts), the users under the selected prefix
// (ListUsers PathPrefix, every page), search, sort, multi-select and bulk actions. The URL carries path, search,
// sort and direction so a view can be shared.
import { usePathname, useSearchParams } from 'next/navigation';
import { use, useCallback, useEffect, useMemo, useState } from 'react';
import type { UserRow } from '@/lib/console/actions/users/list-users';
import type { ActionResult } from '@/lib/console/result';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf } from '@/components/ui/query';
import { LoadingBlock, ProgressBar } from '@/components/ui/spinner';
import { BulkActions } from './bulk-actions';
import { buildPathTree } from './path-tree';
import { PathTreeView } from './path-tree-view';
import { useUsers } from './use-users';
import { sortUsers, UsersTable, type SortDirection, type SortKey } from './users-table';

const SORT_KEYS: SortKey[] = ['userName', 'path', 'createDate', 'passwordLastUsed'];

export function UsersPage({ initialUsers }: { initialUsers?: Promise<ActionResult<{ users: UserRow[] }>> }) {
  const initial = initialUsers ? use(initialUsers) : undefined;
  const pathname = usePathname();
  const params = useSearchParams();
  const selectedPath = params.get('path') || '/';
  const search = params.get('q') ?? '';
  const sort = (SORT_KEYS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as SortKey) : 'userName';
  const direction: SortDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const [query, setQuery] = useState(search);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  const setParams = useCallback(
    (change: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(change)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      const text = next.toString();
      // The native History API: Next syncs useSearchParams with it, and no navigation can race a link click.
      window.history.replaceState(null, '', text ? `${pathname}?${text}` : pathname);
    },
    [params, pathname],
  );

  // Search filters at once; the URL follows a moment later (replace is not free).
  useEffect(() => {
    if (query === search) return;
    const timer = setTimeout(() => setParams({ q: query || undefined }), 250);
    return () => clearTimeout(timer);
  }, [query, search, setParams]);

  const all = useUsers('', { initial: initial?.ok ? initial.data : undefined });
  const tree = useMemo(() => (all.data ? buildPathTree(all.data.users.map((u) => u.path)) : undefined), [all.data]);
  const placeholder = useMemo(
    () => (all.data && selectedPath !== '/' ? { users: all.data.users.filter((u) => u.path.startsWith(selectedPath)) } : undefined),
    [all.data, selectedPath],
  );
  const underPrefix = useUsers(selectedPath === '/' ? '' : selectedPath, { placeholder });
  const list = selectedPath === '/' ? all : underPrefix;

  const sorted = useMemo(() => (list.data ? sortUsers(list.data.users, sort, direction) : []), [list.data, sort, direction]);
  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle ? sorted.filter((u) => u.userName.toLowerCase().includes(needle)) : sorted;
  }, [sorted, query]);
  const selectedNames = useMemo(() => [...selected], [selected]);

  const onSort = (key: SortKey) =>
    setParams({ sort: key === 'userName' ? undefined : key, dir: sort === key && direction === 'asc' ? 'desc' : undefined });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            IAM users of the account, by path. Select a path to list the users under it.
          </p>
        </div>
        <Link
          className={buttonClass('primary')}
          href={`/users/new${selectedPath !== '/' ? `?path=${encodeURIComponent(selectedPath)}` : ''}`}
        >
          Create user
        </Link>
      </div>
      <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-label="Paths" className="rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
          {all.isPending && <LoadingBlock label="Reading every user's path…" />}
          {all.isError && <ErrorState error={actionErrorOf(all.error)!} />}
          {tree && <PathTreeView root={tree} selected={selectedPath} onSelect={(p) => setParams({ path: p === '/' ? undefined : p })} />}
        </nav>
        <section aria-label={`Users under ${selectedPath}`} className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-[14rem] flex-1">
              <label htmlFor="user-search" className="block text-sm font-medium">
                Search by user name
              </label>
              <input
                id="user-search"
                type="search"
                value={query}
                onChange={(e) => {
                  performance.mark('gh:filter');
                  setQuery(e.target.value);
                }}
                placeholder="Part of a user name"
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
              />
            </div>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Path: <span className="font-mono">{selectedPath}</span>
            </p>
          </div>
          {selected.size > 0 && (
            <BulkActions
              userNames={selectedNames}
              onCleared={(deleted) => {
                if (!deleted) return setSelected(new Set());
                setSelected((s) => new Set([...s].filter((n) => !deleted.includes(n))));
              }}
            />
          )}
          {list.isFetching && list.isPlaceholderData && <ProgressBar label="Listing users under the path" />}
          {list.isPending && <LoadingBlock label="Listing users…" />}
          {list.isError && <ErrorState error={actionErrorOf(list.error)!} />}
          {list.data &&
            (list.data.users.length === 0 ? (
              <EmptyState
                title={`No users under ${selectedPath}`}
                action={
                  <Link
                    className={buttonClass('primary')}
                    href={`/users/new${selectedPath !== '/' ? `?path=${encodeURIComponent(selectedPath)}` : ''}`}
                  >
                    Create user
                  </Link>
                }
              />
            ) : (
              <UsersTable
                rows={rows}
                total={list.data.users.length}
                sort={sort}
                direction={direction}
                onSort={onSort}
                selected={selected}
                onSelectedChange={setSelected}
              />
            ))}
        </section>
      </div>
    </div>
  );
}
