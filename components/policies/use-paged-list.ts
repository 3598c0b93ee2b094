'use client';
// Lists that page through the IAM API (Marker): TanStack's infinite query over a server action returning
// `{ items, marker }`; "Load more" fetches the next page, `loadAll` reads every page (for search).
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap, type ActionFailure } from '@/components/ui/query';
import type { ActionResult } from '@/lib/console/result';

export interface Page<Item> {
  items: Item[];
  marker?: string;
}

/** Pages of `serverAction(input + marker)`; `items` concatenates the pages read so far. */
export function usePagedList<Input extends object, Item>(
  key: QueryKey,
  serverAction: (input: Input & { marker?: string }) => Promise<ActionResult<Page<Item>>>,
  input: Input,
) {
  const query = useInfiniteQuery<Page<Item>, ActionFailure>({
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => unwrap(await serverAction({ ...input, marker: pageParam as string | undefined })),
    getNextPageParam: (last) => last.marker,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const loadAll = async () => {
    let result = await query.fetchNextPage();
    while (result.hasNextPage && !result.isError) result = await result.fetchNextPage();
  };
  return { ...query, items, loadAll };
}
