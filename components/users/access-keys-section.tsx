'use client';
// A user's access keys: create (secret shown once, .csv), activate/deactivate, delete (confirmed), last used;
// the 2-keys-per-user quota.
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { createAccessKey } from '@/lib/console/actions/users/create-access-key';
import { deleteAccessKey } from '@/lib/console/actions/users/delete-access-key';
import { updateAccessKey } from '@/lib/console/actions/users/update-access-key';
import { accessKeyCsv, downloadText } from './credentials-csv';
import { QuotaMeter, USER_QUOTAS } from './quota-meter';
import { CredentialValue, SecretOnce } from './secret-once';
import { useAccessKeys, userKeys } from './use-users';
import { formatTime } from '@/components/ui/time';

function when(iso?: string) {
  return formatTime(iso);
}

export function AccessKeysSection({ userName }: { userName: string }) {
  const keys = useAccessKeys(userName);
  const invalidates = [userKeys.part(userName, 'access-keys')];
  const create = useActionMutation(createAccessKey, { invalidates });
  const update = useActionMutation(updateAccessKey, { invalidates });
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const remove = useActionMutation(deleteAccessKey, { invalidates, onSuccess: () => setConfirmDelete(undefined) });

  if (keys.isPending) return <LoadingBlock label="Reading access keys…" />;
  if (keys.isError) return <ErrorState error={actionErrorOf(keys.error)!} />;
  const list = keys.data.accessKeys;
  const error = create.error ?? update.error;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <QuotaMeter used={list.length} limit={USER_QUOTAS.accessKeysPerUser} label="Access keys" />
        <Button
          onClick={() => {
            update.reset();
            remove.reset();
            create.mutate({ userName });
          }}
          pending={create.isPending}
          disabled={list.length >= USER_QUOTAS.accessKeysPerUser}
          title={list.length >= USER_QUOTAS.accessKeysPerUser ? 'A user can have two access keys: delete one first.' : undefined}
        >
          Create access key
        </Button>
      </div>
      {error && <ErrorState error={actionErrorOf(error)!} title="The access key was not changed" />}
      {update.isSuccess && (
        <Alert tone="success">
          Access key {update.data.accessKeyId} is now {update.data.status === 'Active' ? 'active' : 'inactive'}.
        </Alert>
      )}
      {remove.isSuccess && <Alert tone="success">Access key {remove.data.accessKeyId} deleted.</Alert>}
      {create.data && (
        <SecretOnce
          downloadLabel="Download .csv file"
          onDownload={() => downloadText(`${userName}_accessKeys.csv`, accessKeyCsv(create.data))}
        >
          <CredentialValue label="Access key ID" value={create.data.accessKeyId} testId="created-access-key-id" />
          <CredentialValue label="Secret access key" value={create.data.secretAccessKey} secret testId="created-secret-access-key" />
          <Button size="sm" variant="ghost" onClick={() => create.reset()}>
            I have saved the secret
          </Button>
        </SecretOnce>
      )}
      {list.length === 0 ? (
        <EmptyState title="No access keys" />
      ) : (
        <Table caption="Access keys">
          <THead>
            <tr>
              <Th>Access key ID</Th>
              <Th>Status</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {list.map((k) => (
              <Tr key={k.accessKeyId}>
                <Td className="font-mono text-xs" data-testid="access-key-row">
                  {k.accessKeyId}
                </Td>
                <Td>{k.status === 'Active' ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}</Td>
                <Td className="text-xs">{when(k.createDate)}</Td>
                <Td className="text-xs">
                  {k.lastUsedDate ? (
                    <>
                      {when(k.lastUsedDate)}
                      {k.lastUsedService && ` · ${k.lastUsedService}`}
                      {k.lastUsedRegion && ` · ${k.lastUsedRegion}`}
                    </>
                  ) : (
                    'Never used'
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <div className="flex gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`${k.status === 'Active' ? 'Deactivate' : 'Activate'} ${k.accessKeyId}`}
                      pending={update.isPending && update.variables?.accessKeyId === k.accessKeyId}
                      onClick={() =>
                        update.mutate({ userName, accessKeyId: k.accessKeyId, status: k.status === 'Active' ? 'Inactive' : 'Active' })
                      }
                    >
                      {k.status === 'Active' ? 'Deactivate' : 'Activate'}
                    </Button>
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={`Delete ${k.accessKeyId}`}
                      onClick={() => (remove.reset(), setConfirmDelete(k.accessKeyId))}
                    >
                      Delete
                    </Button>
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog
        open={!!confirmDelete}
        onClose={() => setConfirmDelete(undefined)}
        title={`Delete access key ${confirmDelete}?`}
        description={
          list.find((k) => k.accessKeyId === confirmDelete)?.status === 'Active'
            ? 'The key is still active: anything that uses it stops working now. Deactivate it first to check nothing breaks.'
            : 'Anything still holding this key can no longer use it. This cannot be undone.'
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmDelete(undefined)}>
              Cancel
            </Button>
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate({ userName, accessKeyId: confirmDelete! })}>
              Delete access key
            </Button>
          </>
        }
      >
        {remove.error && <ErrorState error={actionErrorOf(remove.error)!} title="The access key was not deleted" />}
      </Dialog>
    </div>
  );
}
