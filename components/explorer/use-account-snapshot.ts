'use client';
// The account snapshot (GetAccountAuthorizationDetails) cached by the console's QueryClient, and its compiled form.
import { useMemo } from 'react';
import { useActionQuery } from '@/components/ui/query';
import { getAccountAuthorizationDetails } from '@/lib/console/actions/explorer/get-account-authorization-details';
import { compileAccount, type CompiledAccount } from '@/lib/explorer/compile-account';

/** Query key of the explorer's snapshot (invalidate it to read the account again). */
export const SNAPSHOT_KEY = ['explorer-snapshot'] as const;

/** The snapshot query plus the account compiled once per snapshot. */
export function useAccountSnapshot() {
  const query = useActionQuery(SNAPSHOT_KEY, getAccountAuthorizationDetails, {}, { staleTime: 5 * 60_000 });
  const account = useMemo<CompiledAccount | undefined>(() => (query.data ? compileAccount(query.data) : undefined), [query.data]);
  return { ...query, account };
}
