'use client';
// The explorer's state kept in the URL (question, tab, path, principal), so that a question can be shared.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseExplorerState, serializeExplorerState, type ExplorerUrlState } from '@/lib/explorer/url-state';

/** The state and a setter that merges a change into the URL (replace: no history entry per click). */
export function useExplorerUrl(): [ExplorerUrlState, (change: Partial<ExplorerUrlState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const text = params.toString();
  const state = useMemo(() => parseExplorerState(new URLSearchParams(text)), [text]);
  const update = useCallback(
    (change: Partial<ExplorerUrlState>) => {
      const next = serializeExplorerState({ ...parseExplorerState(new URLSearchParams(window.location.search)), ...change }).toString();
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [state, update];
}
