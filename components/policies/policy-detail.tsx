'use client';
// A managed policy: its default document in the editor (edit → new version), its versions (view, set default
// with the permission difference shown first, delete), the entities it is attached to, and deletion.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { PolicyEditor, QuotaMeter, hasErrors } from '@/components/policy-editor';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { Tabs } from '@/components/ui/tabs';
import { createPolicyVersion } from '@/lib/console/actions/policies/create-policy-version';
import { deletePolicy } from '@/lib/console/actions/policies/delete-policy';
import { deletePolicyVersion } from '@/lib/console/actions/policies/delete-policy-version';
import { getPolicy } from '@/lib/console/actions/policies/get-policy';
import { getPolicyVersion } from '@/lib/console/actions/policies/get-policy-version';
import { listEntitiesForPolicy } from '@/lib/console/actions/policies/list-entities-for-policy';
import type { Finding } from '@/lib/policy';
import { ConfirmDialog, DependentList } from './confirm-dialog';
import { formatDate } from './format';
import { SetDefaultDialog } from './set-default-dialog';
import { CompareVersions } from './version-text-diff';
import { useUrlState } from './use-url-state';

const VERSIONS_PER_POLICY = 5;

type PolicyData = Extract<Awaited<ReturnType<typeof getPolicy>>, { ok: true }>['data'];

function DocumentTab({ policy }: { policy: PolicyData }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [confirmVersion, setConfirmVersion] = useState<string | null>(null);
  const save = useActionMutation(createPolicyVersion, {
    invalidates: [['policy', policy.arn]],
    onSuccess: (data) => {
      setDraft(null);
      setCreated(data.versionId);
    },
  });
  const editing = draft !== null;
  const error = actionErrorOf(save.error);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm">
          Default version <Badge>{policy.defaultVersionId}</Badge>
        </p>
        {!policy.awsManaged && !editing && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setCreated(null);
              setDraft(policy.defaultDocument);
            }}
          >
            Edit policy
          </Button>
        )}
      </div>
      <PolicyEditor
        value={draft ?? policy.defaultDocument}
        onChange={editing ? setDraft : undefined}
        readOnly={!editing}
        policyType="identity"
        onFindings={setFindings}
        label={editing ? 'Policy document (JSON), editing' : 'Policy document (JSON)'}
      />
      {error && <ErrorState error={error} />}
      {created && (
        <Alert tone="success" title={`Version ${created} created.`}>
          <p>It is not the default yet: attached identities still get {policy.defaultVersionId}.</p>
          <Button size="sm" className="mt-2" onClick={() => setConfirmVersion(created)}>
            Review and set {created} as default
          </Button>
        </Alert>
      )}
      {editing && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            pending={save.isPending}
            disabled={hasErrors(findings)}
            onClick={() => save.mutate({ policyArn: policy.arn, document: draft ?? '', setAsDefault: false })}
          >
            Save as new version
          </Button>
          <Button variant="secondary" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          {hasErrors(findings) && <span className="text-sm text-red-700 dark:text-red-400">Fix the errors in the document first.</span>}
        </div>
      )}
      <SetDefaultDialog
        policyArn={policy.arn}
        fromVersionId={policy.defaultVersionId}
        toVersionId={confirmVersion}
        onClose={() => setConfirmVersion(null)}
      />
    </div>
  );
}

function VersionDocument({ policyArn, versionId }: { policyArn: string; versionId: string }) {
  const version = useActionQuery(['policy-version', policyArn, versionId], getPolicyVersion, { policyArn, versionId });
  if (version.isPending) return <LoadingBlock label={`Reading ${versionId}…`} />;
  if (version.isError) return <ErrorState error={actionErrorOf(version.error)!} />;
  return (
    <PolicyEditor value={version.data.document} readOnly policyType="identity" label={`Policy document of ${versionId}`} height="16rem" />
  );
}

function VersionsTab({ policy }: { policy: PolicyData }) {
  const [viewing, setViewing] = useState<string | null>(null);
  const [confirmVersion, setConfirmVersion] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useActionMutation(deletePolicyVersion, { invalidates: [['policy', policy.arn]], onSuccess: () => setDeleting(null) });
  return (
    <div className="space-y-4">
      <div className="max-w-sm">
        <QuotaMeter
          label="Versions (AWS keeps at most five)"
          used={policy.versions.length}
          limit={VERSIONS_PER_POLICY}
          testId="versions-meter"
        />
      </div>
      <Table caption="Policy versions">
        <THead>
          <tr>
            <Th>Version</Th>
            <Th>Created</Th>
            <Th>Actions</Th>
          </tr>
        </THead>
        <TBody>
          {policy.versions.map((v) => (
            <Tr key={v.versionId}>
              <Td>
                <span className="font-mono">{v.versionId}</span> {v.isDefault && <Badge tone="success">Default</Badge>}
              </Td>
              <Td className="text-xs">{formatDate(v.createDate)}</Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-pressed={viewing === v.versionId}
                    onClick={() => setViewing(viewing === v.versionId ? null : v.versionId)}
                  >
                    {viewing === v.versionId ? 'Hide' : 'View'} {v.versionId}
                  </Button>
                  {!v.isDefault && !policy.awsManaged && (
                    <>
                      <Button size="sm" variant="secondary" onClick={() => setConfirmVersion(v.versionId)}>
                        Set {v.versionId} as default
                      </Button>
                      <Button size="sm" variant="danger" onClick={() => setDeleting(v.versionId)}>
                        Delete {v.versionId}
                      </Button>
                    </>
                  )}
                </div>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {viewing && <VersionDocument policyArn={policy.arn} versionId={viewing} />}
      <CompareVersions
        policyArn={policy.arn}
        versions={policy.versions.map((v) => v.versionId)}
        defaultVersionId={policy.defaultVersionId}
      />
      <SetDefaultDialog
        policyArn={policy.arn}
        fromVersionId={policy.defaultVersionId}
        toVersionId={confirmVersion}
        onClose={() => setConfirmVersion(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        title={`Delete version ${deleting} of ${policy.policyName}?`}
        confirmLabel={`Delete ${deleting}`}
        pending={remove.isPending}
        error={actionErrorOf(remove.error)}
        onConfirm={() => deleting && remove.mutate({ policyArn: policy.arn, versionId: deleting })}
      >
        <p>The version&apos;s document is deleted for good. The default version ({policy.defaultVersionId}) is not affected.</p>
      </ConfirmDialog>
    </div>
  );
}

function EntityLinks({ label, names, href }: { label: string; names: string[]; href: (name: string) => string }) {
  return (
    <section aria-label={label}>
      <h3 className="font-medium">
        {label} <Badge>{names.length}</Badge>
      </h3>
      {names.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">None.</p>
      ) : (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {names.map((name) => (
            <li key={name}>
              <Link className="underline-offset-2 hover:underline" href={href(name)}>
                {name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EntitiesTab({ policy }: { policy: PolicyData }) {
  const permissions = useActionQuery(['policy-entities', policy.arn, 'PermissionsPolicy'], listEntitiesForPolicy, {
    policyArn: policy.arn,
    usage: 'PermissionsPolicy',
  });
  const boundaries = useActionQuery(['policy-entities', policy.arn, 'PermissionsBoundary'], listEntitiesForPolicy, {
    policyArn: policy.arn,
    usage: 'PermissionsBoundary',
  });
  if (permissions.isPending) return <LoadingBlock label="Reading the entities this policy is attached to…" />;
  if (permissions.isError) return <ErrorState error={actionErrorOf(permissions.error)!} />;
  const e = permissions.data;
  return (
    <div className="grid gap-6 sm:grid-cols-3" data-testid="policy-entities">
      <EntityLinks label="Users" names={e.users} href={(n) => `/users/${encodeURIComponent(n)}`} />
      <EntityLinks label="Groups" names={e.groups} href={(n) => `/groups/${encodeURIComponent(n)}`} />
      <EntityLinks label="Roles" names={e.roles} href={(n) => `/roles/${encodeURIComponent(n)}`} />
      {boundaries.data && boundaries.data.users.length + boundaries.data.roles.length > 0 && (
        <div className="sm:col-span-3">
          <p className="text-sm">
            Used as a permissions boundary by{' '}
            {[...boundaries.data.users.map((u) => `user ${u}`), ...boundaries.data.roles.map((r) => `role ${r}`)].join(', ')}.
          </p>
        </div>
      )}
    </div>
  );
}

function DeletePolicyButton({ policy }: { policy: PolicyData }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const entities = useActionQuery(
    ['policy-entities', policy.arn, 'PermissionsPolicy'],
    listEntitiesForPolicy,
    { policyArn: policy.arn, usage: 'PermissionsPolicy' },
    { enabled: open },
  );
  const remove = useActionMutation(deletePolicy, { invalidates: [['policies']], onSuccess: () => router.push('/policies') });
  const otherVersions = policy.versions.filter((v) => !v.isDefault).map((v) => v.versionId);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete policy
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          remove.reset();
          setOpen(false);
        }}
        title={`Delete the policy ${policy.policyName}?`}
        confirmLabel="Detach and delete"
        pending={remove.isPending || entities.isPending}
        error={actionErrorOf(remove.error) ?? actionErrorOf(entities.error)}
        onConfirm={() => remove.mutate({ policyArn: policy.arn })}
      >
        <p>AWS deletes a policy only once it is attached to nothing and has no other versions. These go first:</p>
        {entities.isPending ? (
          <LoadingBlock label="Listing what the policy is attached to…" />
        ) : entities.data ? (
          <>
            <DependentList label="Detached from users" items={entities.data.users} />
            <DependentList label="Detached from groups" items={entities.data.groups} />
            <DependentList label="Detached from roles" items={entities.data.roles} />
            <DependentList label="Versions deleted" items={otherVersions} />
            {entities.data.users.length + entities.data.groups.length + entities.data.roles.length + otherVersions.length === 0 && (
              <p>Nothing else depends on it.</p>
            )}
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

export function PolicyDetail({ policyArn }: { policyArn: string }) {
  const [tab, setTab] = useUrlState('tab', 'permissions');
  const query = useActionQuery(['policy', policyArn], getPolicy, { policyArn });
  if (query.isPending) return <LoadingBlock label="Reading the policy…" />;
  if (query.isError) return <ErrorState error={actionErrorOf(query.error)!} />;
  const policy = query.data;
  return (
    <div className="space-y-4">
      <PageHeader
        title={policy.policyName}
        description={policy.description || undefined}
        actions={!policy.awsManaged && policy.boundaryUsageCount === 0 ? <DeletePolicyButton policy={policy} /> : undefined}
      />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Type</dt>
        <dd>{policy.awsManaged ? <Badge tone="info">AWS managed</Badge> : <Badge>Customer managed</Badge>}</dd>
        <dt className="text-slate-600 dark:text-slate-400">ARN</dt>
        <dd className="break-all font-mono" data-testid="policy-arn">
          {policy.arn}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Attached to</dt>
        <dd>
          {policy.attachmentCount} entit{policy.attachmentCount === 1 ? 'y' : 'ies'}
          {policy.boundaryUsageCount > 0 && `; boundary of ${policy.boundaryUsageCount}`}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Created / updated</dt>
        <dd>
          {formatDate(policy.createDate)} / {formatDate(policy.updateDate)}
        </dd>
      </dl>
      <Tabs
        label="Policy sections"
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'permissions', label: 'Permissions', content: <DocumentTab policy={policy} /> },
          { id: 'versions', label: `Versions (${policy.versions.length})`, content: <VersionsTab policy={policy} /> },
          { id: 'entities', label: 'Entities attached', content: <EntitiesTab policy={policy} /> },
        ]}
      />
    </div>
  );
}
