'use client';
// The account alias editor — also the worked example of the console's query pattern: a server action read with
// useActionQuery, written with useActionMutation, errors shown where they happen.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import type { ActionResult } from '@/lib/console/result';

type Alias = { alias: string | null };

export interface AccountAliasFormProps {
  getAccountAlias: (input: Record<string, never>) => Promise<ActionResult<Alias>>;
  setAccountAlias: (input: { alias: string }) => Promise<ActionResult<{ alias: string }>>;
  deleteAccountAlias: (input: { alias: string }) => Promise<ActionResult<Alias>>;
}

const KEY = ['account-alias'];

export function AccountAliasForm({ getAccountAlias, setAccountAlias, deleteAccountAlias }: AccountAliasFormProps) {
  const router = useRouter();
  const query = useActionQuery(KEY, getAccountAlias, {});
  const [draft, setDraft] = useState<string>();
  const save = useActionMutation(setAccountAlias, { invalidates: [KEY], onSuccess: () => router.refresh() });
  const remove = useActionMutation(deleteAccountAlias, { invalidates: [KEY], onSuccess: () => router.refresh() });

  if (query.isPending) return <LoadingBlock label="Reading the account alias…" />;
  if (query.isError) return <ErrorState error={actionErrorOf(query.error)!} />;
  const current = query.data.alias;
  const saveError = actionErrorOf(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ alias: (draft ?? current ?? '').trim() });
  };

  return (
    <form onSubmit={submit} className="max-w-md space-y-3">
      <Input
        label="Account alias"
        name="alias"
        value={draft ?? current ?? ''}
        onChange={(e) => setDraft(e.target.value)}
        hint="Replaces the account ID in the sign-in URL."
        error={saveError?.field === 'alias' ? saveError.message : undefined}
      />
      {saveError && saveError.field !== 'alias' && <ErrorState error={saveError} title="The account alias was not saved" />}
      {remove.error && <ErrorState error={actionErrorOf(remove.error)!} title="The account alias was not deleted" />}
      {save.isSuccess && !save.isPending && <Alert tone="success">The account alias is now {save.data.alias}.</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={save.isPending}>
          Save alias
        </Button>
        {current && (
          <Button variant="secondary" pending={remove.isPending} onClick={() => remove.mutate({ alias: current })}>
            Remove alias
          </Button>
        )}
      </div>
    </form>
  );
}
