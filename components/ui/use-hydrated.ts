'use client';
// Whether the component renders in the browser after hydration: text that only the browser can know (a
// measured time, the local clock) waits for it, so the server's HTML and the first client render agree.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** False during the server render and hydration, true afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
