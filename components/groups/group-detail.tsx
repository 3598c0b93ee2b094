'use client';
// A group: members (add, remove), permissions (attached and inline policies), settings (rename, move, delete
// with its dependents listed first), the services its members last used. The tab is in the URL.
import { LastAccessedTab } from '@/components/last-accessed/last-accessed-tab';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { INLINE_POLICY_SIZE_LIMITS } from '@/components/policy-editor';
import { ConfirmDialog } from '@/components/policies/confirm-dialog';
import { DeleteSection, DetailPage } from '@/components/detail-page/detail-page';
import { formatDate } from '@/components/policies/format';
import { IdentityPermissions } from '@/components/policies/identity-permissions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { addUserToGroup } from '@/lib/console/actions/groups/add-user-to-group';
import { attachGroupPolicy } from '@/lib/console/actions/groups/attach-group-policy';
import { deleteGroup } from '@/lib/console/actions/groups/delete-group';
import { deleteGroupPolicy } from '@/lib/console/actions/groups/delete-group-policy';
import { detachGroupPolicy } from '@/lib/console/actions/groups/detach-group-policy';
import { getGroup } from '@/lib/console/actions/groups/get-group';
import { getGroupPolicy } from '@/lib/console/actions/groups/get-group-policy';
import { putGroupPolicy } from '@/lib/console/actions/groups/put-group-policy';
import { removeUserFromGroup } from '@/lib/console/actions/groups/remove-user-from-group';
import { updateGroup } from '@/lib/console/actions/groups/update-group';

type GroupData = Extract<Awaited<ReturnType<typeof getGroup>>, { ok: true }>['data'];

function MembersTab({ group, detailKey }: { group: GroupData; detailKey: unknown[] }) {
  const [userName, setUserName] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const add = useActionMutation(addUserToGroup, { invalidates: [detailKey], onSuccess: () => setUserName('') });
  const remove = useActionMutation(removeUserFromGroup, { invalidates: [detailKey], onSuccess: () => setRemoving(null) });
  const addError = actionErrorOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.reset();
    add.mutate({ groupName: group.groupName, userName: userName.trim() });
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-start gap-2" aria-label="Add a member">
        <Input
          label="User name to add"
          value={userName}
          onChange={(e) => setUserName(e.target.value)}
          className="w-72"
          error={addError?.field === 'userName' ? addError.message : undefined}
        />
        <Button type="submit" className="mt-6" pending={add.isPending} disabled={!userName.trim()}>
          Add user
        </Button>
      </form>
      {addError && addError.field !== 'userName' && <ErrorState error={addError} title="The user was not added to the group" />}
      {add.isSuccess && (
        <Alert tone="success">
          {add.variables?.userName} is now a member of {group.groupName}.
        </Alert>
      )}
      {group.members.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">The group has no members.</p>
      ) : (
        <Table caption="Members">
          <THead>
            <tr>
              <Th>User</Th>
              <Th>Path</Th>
              <Th>Actions</Th>
            </tr>
          </THead>
          <TBody>
            {group.members.map((u) => (
              <Tr key={u.arn}>
                <Td>
                  <Link
                    className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-sky-300"
                    href={`/users/${encodeURIComponent(u.userName)}`}
                  >
                    {u.userName}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{u.path}</Td>
                <Td>
                  <Button size="sm" variant="secondary" onClick={() => setRemoving(u.userName)}>
                    Remove {u.userName}
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={`Remove ${removing ?? ''} from ${group.groupName}?`}
        confirmLabel="Remove from group"
        pending={remove.isPending}
        error={actionErrorOf(remove.error)}
        onConfirm={() => removing && remove.mutate({ groupName: group.groupName, userName: removing })}
      >
        <p>
          {removing} loses the permissions granted through {group.groupName}. The user is not deleted.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function SettingsTab({ group }: { group: GroupData }) {
  const router = useRouter();
  const [newName, setNewName] = useState(group.groupName);
  const [newPath, setNewPath] = useState(group.path);
  const [confirming, setConfirming] = useState(false);
  const update = useActionMutation(updateGroup, {
    invalidates: [['groups']],
    onSuccess: (data) => router.replace(`/groups/${encodeURIComponent(data.groupName)}?tab=settings`),
  });
  const remove = useActionMutation(deleteGroup, { invalidates: [['groups']], onSuccess: () => router.push('/groups') });
  const error = actionErrorOf(update.error);
  return (
    <div className="space-y-6">
      <form
        className="max-w-xl space-y-3"
        aria-label="Rename or move"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({
            groupName: group.groupName,
            newGroupName: newName.trim(),
            newPath: newPath.trim() !== group.path ? newPath.trim() : undefined,
          });
        }}
      >
        <h2 className="text-lg font-semibold">Rename or move</h2>
        <Input
          label="Group name"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          error={error?.field === 'newGroupName' ? error.message : undefined}
        />
        <Input
          label="Path"
          value={newPath}
          onChange={(e) => setNewPath(e.target.value)}
          error={error?.field === 'newPath' ? error.message : undefined}
        />
        {error && error.field !== 'newGroupName' && error.field !== 'newPath' && (
          <ErrorState error={error} title="The group was not renamed or moved" />
        )}
        <Button type="submit" pending={update.isPending} disabled={newName.trim() === group.groupName && newPath.trim() === group.path}>
          Save changes
        </Button>
      </form>
      <DeleteSection
        headingId="delete-group-heading"
        heading="Delete group"
        buttonLabel="Delete group"
        open={confirming}
        onOpen={() => setConfirming(true)}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        title={`Delete the group ${group.groupName}?`}
        confirmLabel="Remove dependents and delete"
        pending={remove.isPending}
        error={actionErrorOf(remove.error)}
        onConfirm={() => remove.mutate({ groupName: group.groupName })}
        intro={<p>AWS deletes a group only once it has no members and no policies. These go first:</p>}
        dependents={[
          { label: 'Members removed (the users stay)', items: group.members.map((m) => m.userName) },
          { label: 'Managed policies detached', items: group.attachedPolicies.map((p) => p.policyName) },
          { label: 'Inline policies deleted', items: group.inlinePolicyNames },
        ]}
      />
    </div>
  );
}

export function GroupDetail({ groupName }: { groupName: string }) {
  const detailKey = ['group', groupName];
  return (
    <DetailPage
      queryKey={detailKey}
      read={getGroup}
      input={{ groupName }}
      loadingLabel="Reading the group…"
      section={{ label: 'Groups', href: '/groups' }}
      tabsLabel="Group sections"
      defaultTab="members"
      render={(group) => ({
        name: group.groupName,
        facts: [
          { label: 'ARN', value: group.arn, mono: true, testId: 'group-arn' },
          { label: 'Path', value: group.path, mono: true, testId: 'group-path' },
          { label: 'Created', value: formatDate(group.createDate) },
        ],
        tabs: [
          { id: 'members', label: `Members (${group.members.length})`, content: <MembersTab group={group} detailKey={detailKey} /> },
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <IdentityPermissions
                kind="group"
                name={group.groupName}
                attachedPolicies={group.attachedPolicies}
                inlinePolicyNames={group.inlinePolicyNames}
                detailKey={detailKey}
                inlineSizeLimit={INLINE_POLICY_SIZE_LIMITS.group}
                attachPolicy={({ policyArn }) => attachGroupPolicy({ groupName, policyArn })}
                detachPolicy={({ policyArn }) => detachGroupPolicy({ groupName, policyArn })}
                getInlinePolicy={({ policyName }) => getGroupPolicy({ groupName, policyName })}
                putInlinePolicy={({ policyName, document }) => putGroupPolicy({ groupName, policyName, document })}
                deleteInlinePolicy={({ policyName }) => deleteGroupPolicy({ groupName, policyName })}
              />
            ),
          },
          { id: 'settings', label: 'Settings', content: <SettingsTab group={group} /> },
          {
            id: 'last-accessed',
            label: 'Last accessed',
            content: <LastAccessedTab subject="group" arn={group.arn} queryKey={detailKey} />,
          },
        ],
      })}
    />
  );
}
