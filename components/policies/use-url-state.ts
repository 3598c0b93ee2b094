'use client';
// State worth sharing kept in the URL's query string (filters, tabs). Written with the History API, which Next
// keeps in sync with useSearchParams (state null: Next ignores its own entries), so no router navigation can race
// a link the person clicks next.
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** `[value, set]` for one query parameter; setting the default removes it from the URL. */
export function useUrlState(name: string, fallback: string): [string, (value: string) => void] {
  const params = useSearchParams();
  const value = params.get(name) ?? fallback;
  const set = useCallback(
    (next: string) => {
      const updated = new URLSearchParams(window.location.search);
      if (next === fallback || next === '') updated.delete(name);
      else updated.set(name, next);
      const query = updated.toString();
      window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    },
    [name, fallback],
  );
  return [value, set];
}
