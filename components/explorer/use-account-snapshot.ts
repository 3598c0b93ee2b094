'use client';
// The account snapshot (GetAccountAuthorizationDetails) cached by the console's QueryClient, and its compiled
// form, built in slices of a few milliseconds so that a large account never freezes the page.
import { useEffect, useState } from 'react';
import { useActionQuery } from '@/components/ui/query';
import { getAccountAuthorizationDetails } from '@/lib/console/actions/explorer/get-account-authorization-details';
import { compileAccountInSteps, type CompiledAccount } from '@/lib/explorer/compile-account';
import type { AccountSnapshot } from '@/lib/explorer/types';

/** Query key of the explorer's snapshot (invalidate it to read the account again). */
export const SNAPSHOT_KEY = ['explorer-snapshot'] as const;

const SLICE_MS = 12;

/** Compiles the snapshot across frames; `progress` is 0–100 while compiling. */
function useCompiledAccount(snapshot: AccountSnapshot | undefined): { account?: CompiledAccount; progress?: number } {
  const [state, setState] = useState<{ for?: AccountSnapshot; account?: CompiledAccount; progress?: number }>({});
  useEffect(() => {
    if (!snapshot) return;
    const steps = compileAccountInSteps(snapshot);
    const compileStart = performance.now();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (cancelled) return;
      const start = performance.now();
      let next = steps.next();
      while (!next.done && performance.now() - start < SLICE_MS) next = steps.next();
      if (next.done) {
        // Timings for bench/explorer-browser.ts: compiling, and navigation start → compiled account.
        performance.measure('explorer:compile', { start: compileStart, end: performance.now() });
        performance.measure('explorer:load', { start: 0, end: performance.now() });
        setState({ for: snapshot, account: next.value });
      } else {
        setState({ for: snapshot, progress: (next.value.done / Math.max(1, next.value.total)) * 100 });
        timer = setTimeout(slice, 0);
      }
    };
    timer = setTimeout(slice, 0);
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [snapshot]);
  // Until the new snapshot is compiled, keep answering with the previous one.
  return {
    account: state.account,
    progress: state.for === snapshot && state.account ? undefined : (state.progress ?? (snapshot ? 0 : undefined)),
  };
}

/** The snapshot query plus the account compiled once per snapshot. */
export function useAccountSnapshot() {
  const query = useActionQuery(SNAPSHOT_KEY, getAccountAuthorizationDetails, {}, { staleTime: 5 * 60_000 });
  const { account, progress } = useCompiledAccount(query.data);
  return { ...query, account, compileProgress: progress };
}
