'use client';
// The states of a list paged through the API: reading, failed (before anything arrived), empty, or the items
// (rendered by the caller) with the LoadMore foot.
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { LoadMore } from './load-more';
import { actionErrorOf } from './query';
import { LoadingBlock } from './spinner';

export interface PagedListViewProps<Item> {
  /** A `usePagedList` result. */
  list: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    items: Item[];
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
  loadingLabel: string;
  emptyTitle: string;
  children: (items: Item[]) => ReactNode;
}

export function PagedListView<Item>({ list, loadingLabel, emptyTitle, children }: PagedListViewProps<Item>) {
  if (list.isPending) return <LoadingBlock label={loadingLabel} />;
  if (list.isError && list.items.length === 0) return <ErrorState error={actionErrorOf(list.error)!} />;
  if (list.items.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <>
      {children(list.items)}
      <LoadMore summary={`${list.items.length} shown`} list={list} />
    </>
  );
}
