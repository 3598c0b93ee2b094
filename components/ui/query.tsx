'use client';
// TanStack Query for the console: one QueryClient per browser tab, and hooks that call server actions and turn
// their ActionResult into data or a thrown ActionFailure (so `error` in a query is always an ActionError).
import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ActionError, ActionResult } from '@/lib/console/result';

/** A failed action, as react-query sees it. */
export class ActionFailure extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = error.code;
  }
}

/** Data of a successful result; throws ActionFailure otherwise (and sends an expired session to sign-in). */
export function unwrap<T>(result: ActionResult<T>): T {
  if (result.ok) return result.data;
  if ((result.error.code === 'SessionExpired' || result.error.code === 'NotSignedIn') && typeof window !== 'undefined') {
    window.location.assign(result.error.code === 'SessionExpired' ? '/sign-in?reason=expired' : '/sign-in');
  }
  throw new ActionFailure(result.error);
}

/** The ActionError of a query or mutation error, whatever was thrown. */
export function actionErrorOf(error: unknown): ActionError | undefined {
  if (!error) return undefined;
  if (error instanceof ActionFailure) return error.error;
  return { code: 'ClientError', message: error instanceof Error ? error.message : String(error) };
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // AWS refusals will not change by retrying.
        retry: (count, error) => !(error instanceof ActionFailure) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** The console's one QueryClient provider (mounted in the root layout). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** `useActionQuery(['users', pathPrefix], listUsers, { pathPrefix })`: a query over a server action. */
export function useActionQuery<Input, Output>(
  key: QueryKey,
  serverAction: (input: Input) => Promise<ActionResult<Output>>,
  input: Input,
  options: Omit<UseQueryOptions<Output, ActionFailure>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output, ActionFailure>({ queryKey: key, queryFn: async () => unwrap(await serverAction(input)), ...options });
}

/** A mutation over a server action; `invalidates` lists the query keys to refetch after success. */
export function useActionMutation<Input, Output>(
  serverAction: (input: Input) => Promise<ActionResult<Output>>,
  options: Omit<UseMutationOptions<Output, ActionFailure, Input>, 'mutationFn'> & { invalidates?: QueryKey[] } = {},
) {
  const client = useQueryClient();
  const { invalidates, onSuccess, ...rest } = options;
  return useMutation<Output, ActionFailure, Input>({
    mutationFn: async (input) => unwrap(await serverAction(input)),
    onSuccess: async (data, variables, onMutateResult, context) => {
      await Promise.all((invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      await onSuccess?.(data, variables, onMutateResult, context);
    },
    ...rest,
  });
}
