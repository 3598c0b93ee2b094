'use client';
// A user's groups: list, add (with the 10-groups quota), remove.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { addUserToGroup } from '@/lib/console/actions/users/add-user-to-group';
import { removeUserFromGroup } from '@/lib/console/actions/users/remove-user-from-group';
import { GroupPicker } from './pickers';
import { QuotaMeter, USER_QUOTAS } from './quota-meter';
import { userKeys, useUserGroups } from './use-users';

export function GroupsTab({ userName }: { userName: string }) {
  const groups = useUserGroups(userName);
  const [adding, setAdding] = useState(false);
  const [choice, setChoice] = useState('');
  const [confirmRemove, setConfirmRemove] = useState<string>();
  const invalidates = [userKeys.user(userName), userKeys.groups];
  const add = useActionMutation(addUserToGroup, { invalidates, onSuccess: () => setAdding(false) });
  const remove = useActionMutation(removeUserFromGroup, { invalidates, onSuccess: () => setConfirmRemove(undefined) });
  const current = useMemo(() => new Set(groups.data?.groups.map((g) => g.groupName)), [groups.data]);

  if (groups.isPending) return <LoadingBlock label="Reading the user's groups…" />;
  if (groups.isError) return <ErrorState error={actionErrorOf(groups.error)!} />;
  const count = groups.data.groups.length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <QuotaMeter used={count} limit={USER_QUOTAS.groupsPerUser} label="Groups for this user" />
        <Button
          onClick={() => {
            add.reset();
            setChoice('');
            setAdding(true);
          }}
        >
          Add to group
        </Button>
      </div>
      {add.isSuccess && <Alert tone="success">Added to group {add.data.groupName}.</Alert>}
      {remove.isSuccess && <Alert tone="success">Removed from group {remove.data.groupName}.</Alert>}
      {count === 0 ? (
        <EmptyState title="Not in any group" />
      ) : (
        <Table caption="Groups of the user">
          <THead>
            <tr>
              <Th>Group</Th>
              <Th>Path</Th>
              <Th className="w-32">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {groups.data.groups.map((g) => (
              <Tr key={g.groupName}>
                <Td>
                  <Link className="underline" href={`/groups/${encodeURIComponent(g.groupName)}`}>
                    {g.groupName}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{g.path}</Td>
                <Td>
                  <Button size="sm" variant="secondary" onClick={() => setConfirmRemove(g.groupName)}>
                    Remove
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog
        open={adding}
        onClose={() => setAdding(false)}
        title={`Add ${userName} to a group`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setAdding(false)}>
              Cancel
            </Button>
            <Button disabled={!choice} pending={add.isPending} onClick={() => add.mutate({ userName, groupName: choice })}>
              Add to group
            </Button>
          </>
        }
      >
        {count >= USER_QUOTAS.groupsPerUser && (
          <Alert tone="warning">The user is already in {count} groups, AWS&apos;s default limit; IAM will likely refuse.</Alert>
        )}
        <GroupPicker value={choice} onChange={setChoice} exclude={current} />
        {add.error && <ErrorState error={actionErrorOf(add.error)!} title="The user was not added to the group" />}
      </Dialog>
      <Dialog
        open={!!confirmRemove}
        onClose={() => setConfirmRemove(undefined)}
        title={`Remove ${userName} from ${confirmRemove}?`}
        description="The user loses the permissions the group grants."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmRemove(undefined)}>
              Cancel
            </Button>
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate({ userName, groupName: confirmRemove! })}>
              Remove from group
            </Button>
          </>
        }
      >
        {remove.error && <ErrorState error={actionErrorOf(remove.error)!} title="The user was not removed from the group" />}
      </Dialog>
    </div>
  );
}
