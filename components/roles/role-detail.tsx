'use client';
// A role: trust policy in the editor (UpdateAssumeRolePolicy) beside who can assume it; permissions (attached,
// inline, boundary); settings (description, maximum session, tags, instance profiles, last used, delete); the
// services its sessions last used.
// Service-linked roles are shown but protected: only DeleteServiceLinkedRole changes them.
import { LastAccessedTab } from '@/components/last-accessed/last-accessed-tab';
import { PrincipalEscalationTab } from '@/components/explorer/principal-escalation-tab';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { INLINE_POLICY_SIZE_LIMITS, PolicyEditor, hasErrors } from '@/components/policy-editor';
import { ConfirmDialog } from '@/components/policies/confirm-dialog';
import { DeleteSection, DetailPage } from '@/components/detail-page/detail-page';
import { formatDate, formatDuration, policyHref } from '@/components/policies/format';
import { IdentityPermissions } from '@/components/policies/identity-permissions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input, Textarea } from '@/components/ui/input';
import { actionErrorOf, unwrap, useActionMutation } from '@/components/ui/query';
import { attachRolePolicy } from '@/lib/console/actions/roles/attach-role-policy';
import { deleteRole } from '@/lib/console/actions/roles/delete-role';
import { deleteRolePermissionsBoundary } from '@/lib/console/actions/roles/delete-role-permissions-boundary';
import { deleteRolePolicy } from '@/lib/console/actions/roles/delete-role-policy';
import { deleteServiceLinkedRole } from '@/lib/console/actions/roles/delete-service-linked-role';
import { detachRolePolicy } from '@/lib/console/actions/roles/detach-role-policy';
import { getRole } from '@/lib/console/actions/roles/get-role';
import { getRolePolicy } from '@/lib/console/actions/roles/get-role-policy';
import { putRolePermissionsBoundary } from '@/lib/console/actions/roles/put-role-permissions-boundary';
import { putRolePolicy } from '@/lib/console/actions/roles/put-role-policy';
import { tagRole } from '@/lib/console/actions/roles/tag-role';
import { untagRole } from '@/lib/console/actions/roles/untag-role';
import { updateAssumeRolePolicy } from '@/lib/console/actions/roles/update-assume-role-policy';
import { updateRole } from '@/lib/console/actions/roles/update-role';
import type { Finding } from '@/lib/policy';
import { WhatChanges } from '@/components/policies/what-changes';
import { TagsPanel } from '@/components/users/tags-editor';
import { TrustedPrincipals } from './trusted-principals';

type RoleData = Extract<Awaited<ReturnType<typeof getRole>>, { ok: true }>['data'];

function TrustTab({ role, detailKey }: { role: RoleData; detailKey: unknown[] }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const save = useActionMutation(updateAssumeRolePolicy, { invalidates: [detailKey], onSuccess: () => setDraft(null) });
  const editing = draft !== null;
  const text = draft ?? role.trustPolicy;
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-3">
        <div className="flex items-center gap-2">
          <h2 className="text-lg font-semibold">Trust policy</h2>
          {!role.serviceLinked && !editing && (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                save.reset();
                setDraft(role.trustPolicy);
              }}
            >
              Edit trust policy
            </Button>
          )}
        </div>
        <PolicyEditor
          value={text}
          onChange={editing ? setDraft : undefined}
          readOnly={!editing}
          policyType="trust"
          onFindings={setFindings}
          label="Trust policy (JSON)"
        />
        {editing && <WhatChanges before={role.trustPolicy} after={text} policyType="trust" enabled={!hasErrors(findings)} />}
        {save.error && <ErrorState error={actionErrorOf(save.error)!} title="The trust policy was not saved" />}
        {save.isSuccess && !editing && <Alert tone="success">Trust policy updated.</Alert>}
        {editing && (
          <div className="flex gap-2">
            <Button
              pending={save.isPending}
              disabled={hasErrors(findings)}
              onClick={() => save.mutate({ roleName: role.roleName, trustPolicy: text })}
            >
              Update trust policy
            </Button>
            <Button variant="secondary" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        )}
      </div>
      <TrustedPrincipals trustPolicy={text} />
    </div>
  );
}

function BoundarySection({ role, detailKey }: { role: RoleData; detailKey: unknown[] }) {
  const [policyArn, setPolicyArn] = useState('');
  const [removing, setRemoving] = useState(false);
  const put = useActionMutation(putRolePermissionsBoundary, { invalidates: [detailKey, ['policies']], onSuccess: () => setPolicyArn('') });
  const remove = useActionMutation(deleteRolePermissionsBoundary, {
    invalidates: [detailKey, ['policies']],
    onSuccess: () => setRemoving(false),
  });
  const error = actionErrorOf(put.error);
  return (
    <section aria-labelledby="boundary-heading" className="space-y-2">
      <h2 id="boundary-heading" className="text-lg font-semibold">
        Permissions boundary
      </h2>
      {role.permissionsBoundaryArn ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <a className="break-all font-mono underline-offset-2 hover:underline" href={policyHref(role.permissionsBoundaryArn)}>
            {role.permissionsBoundaryArn}
          </a>
          {!role.serviceLinked && (
            <Button size="sm" variant="secondary" onClick={() => setRemoving(true)}>
              Remove boundary
            </Button>
          )}
        </p>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No boundary: the role&apos;s policies alone decide its maximum permissions.
        </p>
      )}
      {!role.serviceLinked && (
        <form
          className="flex flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            put.mutate({ roleName: role.roleName, policyArn });
          }}
        >
          <Input
            label={role.permissionsBoundaryArn ? 'Replace with policy ARN' : 'Set boundary (managed policy ARN)'}
            value={policyArn}
            onChange={(e) => setPolicyArn(e.target.value)}
            className="min-w-80 flex-1"
            error={error?.field === 'policyArn' ? error.message : undefined}
          />
          <Button type="submit" className="mt-6" pending={put.isPending} disabled={!policyArn.trim()}>
            Set boundary
          </Button>
        </form>
      )}
      {error && error.field !== 'policyArn' && <ErrorState error={error} />}
      <ConfirmDialog
        open={removing}
        onClose={() => {
          remove.reset();
          setRemoving(false);
        }}
        title={`Remove the permissions boundary of ${role.roleName}?`}
        confirmLabel="Remove boundary"
        pending={remove.isPending}
        error={actionErrorOf(remove.error)}
        onConfirm={() => remove.mutate({ roleName: role.roleName })}
      >
        <p>
          <span className="font-mono">{role.permissionsBoundaryArn}</span> stops limiting the role: its policies alone decide what it may
          do.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function SettingsTab({ role, detailKey }: { role: RoleData; detailKey: unknown[] }) {
  const router = useRouter();
  const [description, setDescription] = useState(role.description);
  const [maxHours, setMaxHours] = useState(String(role.maxSessionDuration / 3600));
  const [confirming, setConfirming] = useState(false);
  const update = useActionMutation(updateRole, { invalidates: [detailKey, ['roles']] });
  const client = useQueryClient();
  const remove = useActionMutation(deleteRole, { invalidates: [['roles']], onSuccess: () => router.push('/roles') });
  const removeLinked = useActionMutation(deleteServiceLinkedRole, { invalidates: [['roles']] });
  const updateError = actionErrorOf(update.error);
  const protectedRole = role.serviceLinked;

  return (
    <div className="space-y-8">
      <section aria-labelledby="summary-heading" className="space-y-2">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Summary
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Last used</dt>
          <dd data-testid="role-last-used">
            {role.lastUsed
              ? `${formatDate(role.lastUsed.date)}${role.lastUsed.region ? ` in ${role.lastUsed.region}` : ''}`
              : 'Never (or not in the tracking period)'}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">Maximum session</dt>
          <dd>{formatDuration(role.maxSessionDuration)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Instance profiles</dt>
          <dd>
            {role.instanceProfiles.length === 0 ? (
              'None'
            ) : (
              <ul className="font-mono text-xs">
                {role.instanceProfiles.map((p) => (
                  <li key={p.arn} className="break-all">
                    {p.arn}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>

      {!protectedRole && (
        <form
          className="max-w-xl space-y-3"
          aria-label="Description and maximum session"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ roleName: role.roleName, description, maxSessionDuration: Math.round(Number(maxHours) * 3600) });
          }}
        >
          <h2 className="text-lg font-semibold">Description and maximum session</h2>
          <Textarea
            label="Description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={updateError?.field === 'description' ? updateError.message : undefined}
          />
          <Input
            label="Maximum session duration (hours)"
            type="number"
            min={1}
            max={12}
            step={0.25}
            value={maxHours}
            onChange={(e) => setMaxHours(e.target.value)}
            error={updateError?.field === 'maxSessionDuration' ? updateError.message : undefined}
          />
          {updateError && updateError.field !== 'description' && updateError.field !== 'maxSessionDuration' && (
            <ErrorState error={updateError} title="The role was not updated" />
          )}
          {update.isSuccess && <Alert tone="success">Role settings saved.</Alert>}
          <Button type="submit" pending={update.isPending}>
            Save settings
          </Button>
        </form>
      )}

      <section aria-labelledby="tags-heading" className="space-y-3">
        <h2 id="tags-heading" className="text-lg font-semibold">
          Tags
        </h2>
        <TagsPanel
          current={role.tags}
          readOnly={protectedRole}
          save={async ({ set, remove }) => {
            if (remove.length) unwrap(await untagRole({ roleName: role.roleName, keys: remove }));
            if (set.length) unwrap(await tagRole({ roleName: role.roleName, tags: set }));
            await client.invalidateQueries({ queryKey: detailKey });
          }}
        />
      </section>

      <DeleteSection
        headingId="delete-role-heading"
        heading="Delete role"
        buttonLabel={protectedRole ? 'Delete service-linked role' : 'Delete role'}
        open={confirming}
        onOpen={() => setConfirming(true)}
        onClose={() => {
          remove.reset();
          removeLinked.reset();
          setConfirming(false);
        }}
        title={`Delete the role ${role.roleName}?`}
        confirmLabel={protectedRole ? 'Request deletion' : 'Remove dependents and delete'}
        pending={remove.isPending || removeLinked.isPending}
        error={actionErrorOf(remove.error) ?? actionErrorOf(removeLinked.error)}
        onConfirm={() =>
          protectedRole
            ? removeLinked.mutate({ roleName: role.roleName }, { onSuccess: () => setConfirming(false) })
            : remove.mutate({ roleName: role.roleName })
        }
        intro={
          <p>
            Anyone using the role loses access when their session ends. AWS deletes a role only once nothing depends on it; these go first:
          </p>
        }
        dependents={[
          { label: 'Removed from instance profiles', items: role.instanceProfiles.map((p) => p.name) },
          { label: 'Managed policies detached', items: role.attachedPolicies.map((p) => p.policyName) },
          { label: 'Inline policies deleted', items: role.inlinePolicyNames },
        ]}
        body={protectedRole ? <p>The service that owns this role must no longer use it; AWS deletes it in the background.</p> : undefined}
      >
        {protectedRole && (
          <p className="text-sm">
            A service-linked role can only be deleted with DeleteServiceLinkedRole; AWS checks that the service no longer uses it.
          </p>
        )}
        {removeLinked.isSuccess && <Alert tone="success">Deletion requested (task {removeLinked.data.deletionTaskId}).</Alert>}
      </DeleteSection>
    </div>
  );
}

export function RoleDetail({ roleName }: { roleName: string }) {
  const detailKey = ['role', roleName];
  return (
    <DetailPage
      queryKey={detailKey}
      read={getRole}
      input={{ roleName }}
      loadingLabel="Reading the role…"
      section={{ label: 'Roles', href: '/roles' }}
      tabsLabel="Role sections"
      defaultTab="trust"
      render={(role) => ({
        name: role.roleName,
        heading: (
          <>
            {role.roleName}
            {role.serviceLinked && <Badge tone="info">Service-linked</Badge>}
          </>
        ),
        description: role.description || undefined,
        facts: [
          { label: 'ARN', value: role.arn, mono: true, testId: 'role-arn' },
          { label: 'Path', value: role.path, mono: true, testId: 'role-path' },
          { label: 'Created', value: formatDate(role.createDate) },
        ],
        notice: role.serviceLinked && (
          <Alert tone="info" title="Service-linked role">
            Its trust policy, permissions and settings are defined by the AWS service that created it and cannot be edited.
          </Alert>
        ),
        tabs: [
          { id: 'trust', label: 'Trust relationships', content: <TrustTab role={role} detailKey={detailKey} /> },
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <div className="space-y-8">
                <IdentityPermissions
                  kind="role"
                  name={role.roleName}
                  readOnly={role.serviceLinked}
                  attachedPolicies={role.attachedPolicies}
                  inlinePolicyNames={role.inlinePolicyNames}
                  detailKey={detailKey}
                  inlineSizeLimit={INLINE_POLICY_SIZE_LIMITS.role}
                  attachPolicy={({ policyArn }) => attachRolePolicy({ roleName, policyArn })}
                  detachPolicy={({ policyArn }) => detachRolePolicy({ roleName, policyArn })}
                  getInlinePolicy={({ policyName }) => getRolePolicy({ roleName, policyName })}
                  putInlinePolicy={({ policyName, document }) => putRolePolicy({ roleName, policyName, document })}
                  deleteInlinePolicy={({ policyName }) => deleteRolePolicy({ roleName, policyName })}
                />
                <BoundarySection role={role} detailKey={detailKey} />
              </div>
            ),
          },
          { id: 'settings', label: 'Settings', content: <SettingsTab role={role} detailKey={detailKey} /> },
          { id: 'last-accessed', label: 'Last accessed', content: <LastAccessedTab subject="role" arn={role.arn} queryKey={detailKey} /> },
          { id: 'paths', label: 'Paths to admin', content: <PrincipalEscalationTab principal={{ type: 'role', name: role.roleName }} /> },
        ],
      })}
    />
  );
}
