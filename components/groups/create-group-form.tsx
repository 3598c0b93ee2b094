'use client';
// Create group: name and path (IAM's CreateGroup takes no tags), checked in the browser first; on success the
// group's page, where members and permissions are added.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { CreateFooter, NameAndPathFields, nameAndPathProblems } from '@/components/ui/create-form';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { createGroup } from '@/lib/console/actions/groups/create-group';

export function CreateGroupForm() {
  const router = useRouter();
  const [groupName, setGroupName] = useState('');
  const [path, setPath] = useState('/');
  const [checked, setChecked] = useState(false);
  const create = useActionMutation(createGroup, {
    invalidates: [['groups']],
    onSuccess: (data) => router.push(`/groups/${encodeURIComponent(data.groupName)}`),
  });
  const error = actionErrorOf(create.error);
  const problems = checked ? nameAndPathProblems('group', groupName, path) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = nameAndPathProblems('group', groupName, path);
    if (found.name || found.path) return;
    create.mutate({ groupName: groupName.trim(), path: path.trim() || '/' });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Create group"
      className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <NameAndPathFields
        kind="group"
        name={groupName}
        onName={setGroupName}
        path={path}
        onPath={setPath}
        problems={problems}
        serviceError={error}
        nameField="groupName"
      />
      <CreateFooter kind="group" pending={create.isPending} serviceError={error} fieldsShown={['groupName', 'path']} />
    </form>
  );
}
