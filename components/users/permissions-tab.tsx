'use client';
// A user's permissions: the effective summary by service, attached managed policies (attach/detach, 10-policy
// quota), inline policies (add, edit in the policy editor, delete), what each group gives, and the permissions
// boundary (set/remove).
import { useMemo, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionMutation } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { InlineEditor } from '@/components/policies/identity-permissions';
import { GeneratePolicyPanel } from '@/components/policies/generate-policy-panel';
import { INLINE_POLICY_SIZE_LIMITS } from '@/components/policy-editor';
import { attachUserPolicy } from '@/lib/console/actions/users/attach-user-policy';
import { deleteUserPermissionsBoundary } from '@/lib/console/actions/users/delete-user-permissions-boundary';
import { deleteUserPolicy } from '@/lib/console/actions/users/delete-user-policy';
import { detachUserPolicy } from '@/lib/console/actions/users/detach-user-policy';
import type { ManagedPolicyView } from '@/lib/console/actions/users/get-user-permissions';
import { getUserPolicy } from '@/lib/console/actions/users/get-user-policy';
import { putUserPermissionsBoundary } from '@/lib/console/actions/users/put-user-permissions-boundary';
import { putUserPolicy } from '@/lib/console/actions/users/put-user-policy';
import { PolicyPicker } from './pickers';
import { QuotaMeter, USER_QUOTAS } from './quota-meter';
import { userKeys, useUserPermissions } from './use-users';

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

function PolicyDocument({ document }: { document: string }) {
  const pretty = useMemo(() => {
    try {
      return JSON.stringify(JSON.parse(document), null, 2);
    } catch {
      return document;
    }
  }, [document]);
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Policy document</summary>
      <pre className="mt-1 max-h-72 overflow-auto rounded bg-slate-100 p-2 font-mono dark:bg-slate-900">{pretty}</pre>
    </details>
  );
}

function ManagedRow({ policy, action }: { policy: ManagedPolicyView; action?: ReactNode }) {
  return (
    <Tr>
      <Td>
        <div className="font-medium">{policy.policyName}</div>
        <div className="break-all font-mono text-xs text-slate-600 dark:text-slate-400">{policy.arn}</div>
        <PolicyDocument document={policy.document} />
      </Td>
      <Td>{policy.awsManaged ? <Badge tone="info">AWS managed</Badge> : <Badge>Customer managed</Badge>}</Td>
      <Td>{action}</Td>
    </Tr>
  );
}

type Confirm = { kind: 'detach'; arn: string; name: string } | { kind: 'inline'; name: string } | { kind: 'boundary' };

export function PermissionsTab({ userName }: { userName: string }) {
  const permissions = useUserPermissions(userName);
  const invalidates = [userKeys.user(userName)];
  const [attaching, setAttaching] = useState<'policy' | 'boundary'>();
  const [choice, setChoice] = useState('');
  const [confirm, setConfirm] = useState<Confirm>();
  // The inline policy being edited: its name, null for a new one, undefined when the editor is closed.
  const [editingInline, setEditingInline] = useState<string | null | undefined>(undefined);
  const closeAll = () => {
    setAttaching(undefined);
    setConfirm(undefined);
  };
  const attach = useActionMutation(attachUserPolicy, { invalidates, onSuccess: closeAll });
  const detach = useActionMutation(detachUserPolicy, { invalidates, onSuccess: closeAll });
  const removeInline = useActionMutation(deleteUserPolicy, { invalidates, onSuccess: closeAll });
  const setBoundary = useActionMutation(putUserPermissionsBoundary, { invalidates, onSuccess: closeAll });
  const removeBoundary = useActionMutation(deleteUserPermissionsBoundary, { invalidates, onSuccess: closeAll });
  const attachedArns = useMemo(() => new Set(permissions.data?.attachedPolicies.map((p) => p.arn)), [permissions.data]);

  if (permissions.isPending) return <LoadingBlock label="Reading policies, groups and the boundary…" />;
  if (permissions.isError) return <ErrorState error={actionErrorOf(permissions.error)!} />;
  const { summary, attachedPolicies, inlinePolicies, groupPolicies, boundary } = permissions.data;
  const lastError = [attach, detach, removeInline, setBoundary, removeBoundary].map((m) => m.error).find(Boolean);
  const success = attach.isSuccess
    ? `Policy attached.`
    : detach.isSuccess
      ? `Policy detached.`
      : removeInline.isSuccess
        ? `Inline policy deleted.`
        : setBoundary.isSuccess
          ? 'Permissions boundary set.'
          : removeBoundary.isSuccess
            ? 'Permissions boundary removed.'
            : undefined;
  const resetAll = () => [attach, detach, removeInline, setBoundary, removeBoundary].forEach((m) => m.reset());

  return (
    <div className="space-y-6">
      {success && <Alert tone="success">{success}</Alert>}
      {lastError && !attaching && !confirm && <ErrorState error={actionErrorOf(lastError)!} />}

      <Section title="Effective permissions by service">
        <p className="text-xs text-slate-600 dark:text-slate-300">
          What the user&apos;s identity policies allow, from their documents{boundary ? '; the permissions boundary further limits it' : ''}
          . Conditions and resources are not evaluated here — use the simulator for a precise answer.
        </p>
        {summary.allServices && (
          <Alert tone="warning" title="Full access to every service">
            Allowed by {summary.allServicesSources.join(', ')}.
          </Alert>
        )}
        {summary.notActionSources.length > 0 && (
          <Alert tone="warning">NotAction statements allow everything except what they list: {summary.notActionSources.join(', ')}.</Alert>
        )}
        {summary.services.length === 0 && !summary.allServices ? (
          <EmptyState title="No permissions">No identity policy of this user allows any action.</EmptyState>
        ) : (
          summary.services.length > 0 && (
            <Table caption="Effective permissions by service">
              <THead>
                <tr>
                  <Th>Service</Th>
                  <Th>Access level</Th>
                  <Th>Granted by</Th>
                </tr>
              </THead>
              <TBody>
                {summary.services.map((s) => (
                  <Tr key={s.service}>
                    <Td>
                      {s.serviceName} <span className="font-mono text-xs text-slate-500">{s.service}</span>
                    </Td>
                    <Td>
                      {s.access}
                      {s.totalActions !== undefined && s.access !== 'Full access' && s.allowedActions > 0 && (
                        <span className="text-xs text-slate-500">
                          {' '}
                          ({s.allowedActions} of {s.totalActions} actions)
                        </span>
                      )}
                      {s.denied && (
                        <Badge tone="danger" className="ml-2">
                          Some actions denied
                        </Badge>
                      )}
                    </Td>
                    <Td className="text-xs">{s.sources.join(', ')}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )
        )}
      </Section>

      <Section
        title="Attached managed policies"
        actions={
          <div className="flex items-center gap-3">
            <QuotaMeter used={attachedPolicies.length} limit={USER_QUOTAS.managedPoliciesPerUser} label="Managed policies attached" />
            <Button
              onClick={() => {
                resetAll();
                setChoice('');
                setAttaching('policy');
              }}
            >
              Attach policy
            </Button>
          </div>
        }
      >
        {attachedPolicies.length === 0 ? (
          <EmptyState title="No managed policy attached directly" />
        ) : (
          <Table caption="Attached managed policies">
            <THead>
              <tr>
                <Th>Policy</Th>
                <Th>Type</Th>
                <Th className="w-28">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {attachedPolicies.map((p) => (
                <ManagedRow
                  key={p.arn}
                  policy={p}
                  action={
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => (resetAll(), setConfirm({ kind: 'detach', arn: p.arn, name: p.policyName }))}
                    >
                      Detach
                    </Button>
                  }
                />
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <GeneratePolicyPanel
        kind="user"
        name={userName}
        detailKey={userKeys.user(userName)}
        putInlinePolicy={({ policyName, document }) => putUserPolicy({ userName, policyName, document })}
      />

      <Section
        title="Inline policies"
        actions={
          editingInline === undefined && (
            <Button size="sm" variant="secondary" onClick={() => (resetAll(), setEditingInline(null))}>
              Add inline policy
            </Button>
          )
        }
      >
        {editingInline !== undefined && (
          <InlineEditor
            key={editingInline ?? '(new)'}
            policyName={editingInline}
            onDone={() => setEditingInline(undefined)}
            props={{
              kind: 'user',
              name: userName,
              detailKey: userKeys.user(userName),
              inlineSizeLimit: INLINE_POLICY_SIZE_LIMITS.user,
              getInlinePolicy: ({ policyName }) => getUserPolicy({ userName, policyName }),
              putInlinePolicy: ({ policyName, document }) => putUserPolicy({ userName, policyName, document }),
            }}
          />
        )}
        {inlinePolicies.length === 0 ? (
          <EmptyState title="No inline policy" />
        ) : (
          <ul className="space-y-2">
            {inlinePolicies.map((p) => (
              <li key={p.policyName} className="rounded border border-slate-200 p-2 dark:border-slate-800">
                <div className="flex items-center justify-between">
                  <span className="font-medium">{p.policyName}</span>
                  <span className="flex gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Edit ${p.policyName}`}
                      onClick={() => (resetAll(), setEditingInline(p.policyName))}
                    >
                      Edit
                    </Button>
                    <Button size="sm" variant="secondary" onClick={() => (resetAll(), setConfirm({ kind: 'inline', name: p.policyName }))}>
                      Delete
                    </Button>
                  </span>
                </div>
                <PolicyDocument document={p.document} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Through groups">
        {groupPolicies.length === 0 ? (
          <EmptyState title="Not in any group" />
        ) : (
          <div className="space-y-3">
            {groupPolicies.map((g) => (
              <div key={g.groupName} className="rounded border border-slate-200 p-3 dark:border-slate-800">
                <p className="font-medium">Group {g.groupName}</p>
                {g.attachedPolicies.length === 0 && g.inlinePolicies.length === 0 && (
                  <p className="text-sm text-slate-600 dark:text-slate-300">The group grants nothing.</p>
                )}
                <ul className="mt-1 space-y-1 text-sm">
                  {g.attachedPolicies.map((p) => (
                    <li key={p.arn}>
                      {p.policyName} {p.awsManaged ? <Badge tone="info">AWS managed</Badge> : <Badge>Customer managed</Badge>}
                      <PolicyDocument document={p.document} />
                    </li>
                  ))}
                  {g.inlinePolicies.map((p) => (
                    <li key={p.policyName}>
                      {p.policyName} <Badge>Inline</Badge>
                      <PolicyDocument document={p.document} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section
        title="Permissions boundary"
        actions={
          <div className="flex gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                resetAll();
                setChoice('');
                setAttaching('boundary');
              }}
            >
              {boundary ? 'Change boundary' : 'Set boundary'}
            </Button>
            {boundary && (
              <Button variant="secondary" onClick={() => (resetAll(), setConfirm({ kind: 'boundary' }))}>
                Remove boundary
              </Button>
            )}
          </div>
        }
      >
        {boundary ? (
          <div className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
            <p className="font-medium">{boundary.policyName}</p>
            <p className="break-all font-mono text-xs">{boundary.arn}</p>
            <PolicyDocument document={boundary.document} />
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">No boundary: the identity policies alone decide.</p>
        )}
      </Section>

      <Dialog
        open={!!attaching}
        onClose={() => setAttaching(undefined)}
        title={attaching === 'boundary' ? `Set the permissions boundary of ${userName}` : `Attach a policy to ${userName}`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setAttaching(undefined)}>
              Cancel
            </Button>
            <Button
              disabled={!choice}
              pending={attach.isPending || setBoundary.isPending}
              onClick={() =>
                attaching === 'boundary'
                  ? setBoundary.mutate({ userName, policyArn: choice })
                  : attach.mutate({ userName, policyArn: choice })
              }
            >
              {attaching === 'boundary' ? 'Set boundary' : 'Attach policy'}
            </Button>
          </>
        }
      >
        {attaching === 'policy' && attachedPolicies.length >= USER_QUOTAS.managedPoliciesPerUser && (
          <Alert tone="warning">The user already has {attachedPolicies.length} managed policies attached, AWS&apos;s default limit.</Alert>
        )}
        {attaching && <PolicyPicker value={choice} onChange={setChoice} exclude={attaching === 'policy' ? attachedArns : undefined} />}
        {(attach.error || setBoundary.error) && (
          <ErrorState
            error={actionErrorOf(attach.error ?? setBoundary.error)!}
            title={attach.error ? 'The policy was not attached' : 'The permissions boundary was not set'}
          />
        )}
      </Dialog>

      <Dialog
        open={!!confirm}
        onClose={() => setConfirm(undefined)}
        title={
          confirm?.kind === 'detach'
            ? `Detach ${confirm.name}?`
            : confirm?.kind === 'inline'
              ? `Delete inline policy ${confirm.name}?`
              : 'Remove the permissions boundary?'
        }
        description={
          confirm?.kind === 'inline'
            ? 'The policy document is deleted with it.'
            : confirm?.kind === 'boundary'
              ? 'The identity policies alone will decide what the user may do.'
              : 'The policy itself stays; only this attachment goes.'
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(undefined)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              pending={detach.isPending || removeInline.isPending || removeBoundary.isPending}
              onClick={() => {
                if (confirm?.kind === 'detach') detach.mutate({ userName, policyArn: confirm.arn });
                else if (confirm?.kind === 'inline') removeInline.mutate({ userName, policyName: confirm.name });
                else removeBoundary.mutate({ userName });
              }}
            >
              {confirm?.kind === 'detach' ? 'Detach' : confirm?.kind === 'inline' ? 'Delete' : 'Remove boundary'}
            </Button>
          </>
        }
      >
        {(detach.error || removeInline.error || removeBoundary.error) && (
          <ErrorState
            error={actionErrorOf(detach.error ?? removeInline.error ?? removeBoundary.error)!}
            title={
              detach.error
                ? 'The policy was not detached'
                : removeInline.error
                  ? 'The inline policy was not deleted'
                  : 'The permissions boundary was not removed'
            }
          />
        )}
      </Dialog>
    </div>
  );
}
