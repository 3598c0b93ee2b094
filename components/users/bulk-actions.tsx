'use client';
// Bulk actions on the selected users: add to a group, attach a policy, add a tag, delete — each call made per
// user with progress, and a report of what succeeded and what the API refused.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { ProgressBar } from '@/components/ui/spinner';
import { addUserToGroup } from '@/lib/console/actions/users/add-user-to-group';
import { attachUserPolicy } from '@/lib/console/actions/users/attach-user-policy';
import { tagUser } from '@/lib/console/actions/users/tag-user';
import type { ActionResult } from '@/lib/console/result';
import { DeleteUsersDialog } from './delete-users-dialog';
import { GroupPicker, PolicyPicker } from './pickers';
import { userKeys } from './use-users';

type Kind = 'group' | 'policy' | 'tag' | 'delete';
const TITLES: Record<Exclude<Kind, 'delete'>, string> = { group: 'Add to group', policy: 'Attach policy', tag: 'Add tag' };

export function BulkActions({ userNames, onCleared }: { userNames: string[]; onCleared: (deleted?: string[]) => void }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>();
  const [group, setGroup] = useState('');
  const [policy, setPolicy] = useState('');
  const [tagKey, setTagKey] = useState('');
  const [tagValue, setTagValue] = useState('');
  const [progress, setProgress] = useState<number>();
  const [deleted, setDeleted] = useState<string[]>();
  const [report, setReport] = useState<{ ok: number; failures: Array<{ userName: string; message: string }> }>();
  const names = useMemo(() => [...userNames], [userNames]);

  const open = (k: Kind) => {
    setKind(k);
    setReport(undefined);
    setProgress(undefined);
  };
  const close = () => setKind(undefined);

  const run = async () => {
    const call = (userName: string): Promise<ActionResult<unknown>> =>
      kind === 'group'
        ? addUserToGroup({ userName, groupName: group })
        : kind === 'policy'
          ? attachUserPolicy({ userName, policyArn: policy })
          : tagUser({ userName, tags: [{ key: tagKey.trim(), value: tagValue }] });
    const failures: Array<{ userName: string; message: string }> = [];
    let ok = 0;
    setProgress(0);
    for (let i = 0; i < names.length; i++) {
      const result = await call(names[i]!);
      if (result.ok) ok++;
      else failures.push({ userName: names[i]!, message: result.error.message });
      setProgress(((i + 1) / names.length) * 100);
    }
    setReport({ ok, failures });
    await Promise.all(names.map((n) => client.invalidateQueries({ queryKey: userKeys.user(n) })));
    if (kind === 'group') await client.invalidateQueries({ queryKey: userKeys.groups });
  };

  const ready = kind === 'group' ? !!group : kind === 'policy' ? !!policy : kind === 'tag' ? !!tagKey.trim() : false;
  const running = progress !== undefined && !report;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions on selected users"
      className="flex flex-wrap items-center gap-2 rounded-md border border-blue-200 bg-blue-50 p-2 text-sm dark:border-sky-900 dark:bg-sky-950"
    >
      <span className="font-medium">{names.length} selected</span>
      <Button size="sm" variant="secondary" onClick={() => open('group')}>
        Add to group
      </Button>
      <Button size="sm" variant="secondary" onClick={() => open('policy')}>
        Attach policy
      </Button>
      <Button size="sm" variant="secondary" onClick={() => open('tag')}>
        Add tag
      </Button>
      <Button size="sm" variant="danger" onClick={() => open('delete')}>
        Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={() => onCleared()}>
        Clear selection
      </Button>
      {kind && kind !== 'delete' && (
        <Dialog
          open
          onClose={() => !running && close()}
          title={`${TITLES[kind]}: ${names.length} user${names.length === 1 ? '' : 's'}`}
          footer={
            report ? (
              <Button onClick={close}>Close</Button>
            ) : (
              <>
                <Button variant="secondary" onClick={close} disabled={running}>
                  Cancel
                </Button>
                <Button onClick={run} disabled={!ready} pending={running}>
                  {TITLES[kind]}
                </Button>
              </>
            )
          }
        >
          {kind === 'group' && <GroupPicker value={group} onChange={setGroup} />}
          {kind === 'policy' && <PolicyPicker value={policy} onChange={setPolicy} />}
          {kind === 'tag' && (
            <div className="grid grid-cols-2 gap-2">
              <Input label="Tag key" value={tagKey} onChange={(e) => setTagKey(e.target.value)} />
              <Input label="Tag value" value={tagValue} onChange={(e) => setTagValue(e.target.value)} />
            </div>
          )}
          {progress !== undefined && <ProgressBar value={progress} label="Applying to the selected users" />}
          {report && (
            <Alert tone={report.failures.length ? 'warning' : 'success'} title={`Done for ${report.ok} of ${names.length} users.`}>
              {report.failures.length > 0 && (
                <ul className="mt-1 max-h-40 list-disc overflow-auto pl-5">
                  {report.failures.map((f) => (
                    <li key={f.userName}>
                      <span className="font-medium">{f.userName}</span>: {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
        </Dialog>
      )}
      <DeleteUsersDialog
        open={kind === 'delete'}
        userNames={names}
        onClose={() => {
          close();
          if (deleted) onCleared(deleted);
        }}
        onDeleted={setDeleted}
      />
    </div>
  );
}
