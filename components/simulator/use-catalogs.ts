'use client';
// The action catalogue in the browser: loaded per service through a server action, only for the services the
// entries name, cached by the one QueryClient.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listCatalogServices, loadServiceCatalog } from '@/lib/console/actions/simulator/load-service-catalog';
import type { ServiceCatalog } from '@/lib/simulator/actions';
import { unwrap, useActionQuery } from '@/components/ui/query';

/** Catalogues of the given services (those loaded so far), by service prefix. */
export function useServiceCatalogs(services: string[]): { catalogs: Map<string, ServiceCatalog>; loading: boolean } {
  const unique = [...new Set(services.map((s) => s.toLowerCase()))].sort();
  const queries = useQueries({
    queries: unique.map((service) => ({
      queryKey: ['simulator-catalog', service],
      queryFn: async () => unwrap(await loadServiceCatalog({ service })),
      staleTime: Infinity,
    })),
  });
  const key = queries.map((q) => (q.data ? q.data.service : q.isPending ? '…' : '-')).join(',');
  const catalogs = useMemo(() => {
    const map = new Map<string, ServiceCatalog>();
    for (const q of queries) if (q.data) map.set(q.data.service, q.data);
    return map;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for the queries' data; useQueries returns a new array on every render
  }, [key]);
  return { catalogs, loading: queries.some((q) => q.isPending) };
}

/** Every service prefix and name (for autocomplete before a service is typed). */
export function useCatalogServices(enabled: boolean) {
  return useActionQuery(['simulator-services'], listCatalogServices, {}, { staleTime: Infinity, enabled });
}
