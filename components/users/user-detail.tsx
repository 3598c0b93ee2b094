'use client';
// One user: identity, then tabs (Permissions, Groups, Tags, Security credentials, Last accessed, Paths to admin) with the tab
// in the URL, and Delete (removing dependents first).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import { AccessKeysSection } from './access-keys-section';
import { ConsolePasswordSection } from './console-password-section';
import { DeleteUsersDialog } from './delete-users-dialog';
import { GroupsTab } from './groups-tab';
import { LastAccessedTab } from '@/components/last-accessed/last-accessed-tab';
import { PrincipalEscalationTab } from '@/components/explorer/principal-escalation-tab';
import { MfaSection } from './mfa-section';
import { PermissionsTab } from './permissions-tab';
import { TagsTab } from './tags-tab';
import { userKeys, useUser } from './use-users';
import { formatTime } from '@/components/ui/time';

const TABS = ['permissions', 'groups', 'tags', 'security', 'last-accessed', 'paths'] as const;

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-label={title}>
      <h3 className="text-base font-semibold">{title}</h3>
      {children}
    </section>
  );
}

export function UserDetail({ userName }: { userName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'permissions';
  const user = useUser(userName);
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const names = useMemo(() => [userName], [userName]);
  // Kept so the page stays in place while the delete dialog reports, after the user is gone (state adjusted while
  // rendering, as React's "storing information from previous renders" does).
  const [last, setLast] = useState(user.data);
  if (user.data && user.data !== last) setLast(user.data);

  if (deleted && !deleting)
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{userName}</h1>
        <Alert tone="success" title={`User ${userName} deleted.`}>
          <Link className="underline" href="/users">
            Back to users
          </Link>
        </Alert>
      </div>
    );
  const u = user.data ?? (deleted ? last : undefined);
  if (!u) {
    if (user.isPending) return <LoadingBlock label={`Reading user ${userName}…`} />;
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{userName}</h1>
        <ErrorState
          error={actionErrorOf(user.error) ?? { code: 'NoSuchEntity', message: 'The user could not be read.' }}
          action={
            <Link className="underline" href="/users">
              Back to users
            </Link>
          }
        />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="underline" href="/users">
          Users
        </Link>{' '}
        /{' '}
        <Link className="underline" href={`/users?path=${encodeURIComponent(u.path)}`}>
          {u.path}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{u.userName}</h1>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">ARN</dt>
            <dd className="break-all font-mono text-xs" data-testid="user-arn">
              {u.arn}
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Path</dt>
            <dd className="font-mono text-xs">{u.path}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Created</dt>
            <dd>{formatTime(u.createDate)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Console password last used</dt>
            <dd>{u.passwordLastUsed ? formatTime(u.passwordLastUsed) : 'Never'}</dd>
          </dl>
        </div>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          Delete user
        </Button>
      </div>
      <Tabs
        label={`User ${u.userName}`}
        selected={tab}
        onSelect={(id) => window.history.replaceState(null, '', `${pathname}?tab=${id}`)}
        items={[
          { id: 'permissions', label: 'Permissions', content: <PermissionsTab userName={u.userName} /> },
          { id: 'groups', label: 'Groups', content: <GroupsTab userName={u.userName} /> },
          { id: 'tags', label: 'Tags', content: <TagsTab userName={u.userName} /> },
          {
            id: 'security',
            label: 'Security credentials',
            content: (
              <div className="space-y-4">
                <Block title="Console sign-in">
                  <ConsolePasswordSection userName={u.userName} />
                </Block>
                <Block title="Multi-factor authentication (MFA)">
                  <MfaSection userName={u.userName} />
                </Block>
                <Block title="Access keys">
                  <AccessKeysSection userName={u.userName} />
                </Block>
              </div>
            ),
          },
          {
            id: 'last-accessed',
            label: 'Last accessed',
            content: <LastAccessedTab subject="user" arn={u.arn} queryKey={userKeys.part(u.userName, 'advisor')} />,
          },
          {
            id: 'paths',
            label: 'Paths to admin',
            content: <PrincipalEscalationTab principal={{ type: 'user', name: u.userName }} />,
          },
        ]}
      />
      <DeleteUsersDialog
        open={deleting}
        userNames={names}
        onClose={() => {
          setDeleting(false);
          if (deleted) router.push(`/users?path=${encodeURIComponent(u.path)}`);
        }}
        onDeleted={() => setDeleted(true)}
      />
    </div>
  );
}
