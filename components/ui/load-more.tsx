'use client';
// The foot of a paged list: what is shown (announced politely as it grows) and, while the API has another page,
// a button that loads it.
import type { ReactNode } from 'react';
import { Button } from './button';

export interface LoadMoreProps {
  /** E.g. "40 shown". */
  summary: ReactNode;
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /** The button's text. */
  label?: string;
  /** False hides the button even when there is another page (e.g. while a search reads every page itself). */
  enabled?: boolean;
  children?: ReactNode;
}

export function LoadMore({ summary, list, label = 'Load more', enabled = true, children }: LoadMoreProps) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span aria-live="polite" className="text-slate-600 dark:text-slate-300">
        {summary}
      </span>
      {list.hasNextPage && enabled && (
        <Button variant="secondary" size="sm" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {label}
        </Button>
      )}
      {children}
    </div>
  );
}
