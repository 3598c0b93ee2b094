'use client';
// State worth sharing kept in the URL's query string (filters, tabs), replaced without a navigation entry.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** `[value, set]` for one query parameter; setting the default removes it from the URL. */
export function useUrlState(name: string, fallback: string): [string, (value: string) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const value = params.get(name) ?? fallback;
  const set = useCallback(
    (next: string) => {
      const updated = new URLSearchParams(window.location.search);
      if (next === fallback || next === '') updated.delete(name);
      else updated.set(name, next);
      const query = updated.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [name, fallback, pathname, router],
  );
  return [value, set];
}
