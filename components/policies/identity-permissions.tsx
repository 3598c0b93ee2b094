'use client';
// The permissions of a group or role: attached managed policies (attach with a quota meter, detach) and inline
// policies (create, edit in the policy editor, delete). The caller binds the server actions to its identity.
import Link from 'next/link';
import { WhatChanges } from './what-changes';
import { GeneratePolicyPanel } from './generate-policy-panel';
import { useState, type FormEvent } from 'react';
import { MANAGED_POLICIES_PER_PRINCIPAL, PolicyEditor, QuotaMeter, hasErrors } from '@/components/policy-editor';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { listPolicies } from '@/lib/console/actions/policies/list-policies';
import type { ActionResult } from '@/lib/console/result';
import type { Finding } from '@/lib/policy';
import { ConfirmDialog } from './confirm-dialog';
import { STARTER_POLICY, policyHref } from './format';

type Result = Promise<ActionResult<unknown>>;

export interface IdentityPermissionsProps {
  /** 'group' or 'role' (or 'user' for the inline editor alone), for the wording. */
  kind: 'user' | 'group' | 'role';
  name: string;
  attachedPolicies: { policyName: string; policyArn: string }[];
  inlinePolicyNames: string[];
  /** The detail query's key, refetched after every write. */
  detailKey: readonly unknown[];
  /** AWS's aggregate inline policy size quota for this identity type. */
  inlineSizeLimit: number;
  /** Service-linked roles: shown, never changed. */
  readOnly?: boolean;
  attachPolicy: (input: { policyArn: string }) => Result;
  detachPolicy: (input: { policyArn: string }) => Result;
  getInlinePolicy: (input: { policyName: string }) => Promise<ActionResult<{ policyName: string; document: string }>>;
  putInlinePolicy: (input: { policyName: string; document: string }) => Result;
  deleteInlinePolicy: (input: { policyName: string }) => Result;
}

function AttachForm({ props }: { props: IdentityPermissionsProps }) {
  const [policyArn, setPolicyArn] = useState('');
  const customer = useActionQuery(['policies', 'Local', false, 'first-page'], listPolicies, { scope: 'Local', onlyAttached: false });
  const attach = useActionMutation(props.attachPolicy, { invalidates: [props.detailKey, ['policies']], onSuccess: () => setPolicyArn('') });
  const error = actionErrorOf(attach.error);
  const listId = `attach-options-${props.kind}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attach.reset();
    attach.mutate({ policyArn: policyArn.trim() });
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <Input
          label="Policy ARN to attach"
          list={listId}
          value={policyArn}
          onChange={(e) => setPolicyArn(e.target.value)}
          className="min-w-80 flex-1"
          placeholder="arn:aws:iam::aws:policy/ReadOnlyAccess"
          hint="Pick a customer managed policy or paste any managed policy's ARN."
          error={error?.field === 'policyArn' ? error.message : undefined}
        />
        <datalist id={listId}>
          {(customer.data?.items ?? []).map((p) => (
            <option key={p.arn} value={p.arn}>
              {p.policyName}
            </option>
          ))}
        </datalist>
        <Button type="submit" pending={attach.isPending} disabled={!policyArn.trim()}>
          Attach policy
        </Button>
      </div>
      {error && error.field !== 'policyArn' && <ErrorState error={error} />}
      {attach.isSuccess && <Alert tone="success">Policy {attach.variables?.policyArn} attached.</Alert>}
    </form>
  );
}

/** What the inline policy editor needs of an identity. */
export type InlineEditorProps = Pick<
  IdentityPermissionsProps,
  'kind' | 'name' | 'detailKey' | 'inlineSizeLimit' | 'readOnly' | 'getInlinePolicy' | 'putInlinePolicy'
>;

/** Edits one inline policy (`policyName`) or writes a new one (`null`) in the policy editor, findings inline. */
export function InlineEditor({ props, policyName, onDone }: { props: InlineEditorProps; policyName: string | null; onDone: () => void }) {
  const existing = useActionQuery(
    ['inline-policy', props.kind, props.name, policyName],
    props.getInlinePolicy,
    { policyName: policyName ?? '' },
    { enabled: policyName !== null },
  );
  const [name, setName] = useState(policyName ?? '');
  const [draft, setDraft] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const put = useActionMutation(props.putInlinePolicy, {
    invalidates: [props.detailKey, ['inline-policy', props.kind, props.name]],
    onSuccess: onDone,
  });
  if (policyName !== null && existing.isPending) return <LoadingBlock label={`Reading ${policyName}…`} />;
  if (policyName !== null && existing.isError) return <ErrorState error={actionErrorOf(existing.error)!} />;
  const document = draft ?? existing.data?.document ?? STARTER_POLICY;
  const error = actionErrorOf(put.error);
  return (
    <section
      aria-label={policyName ? `Edit inline policy ${policyName}` : 'New inline policy'}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h3 className="font-medium">{policyName ? `Edit inline policy ${policyName}` : 'New inline policy'}</h3>
      <Input
        label="Inline policy name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        disabled={policyName !== null}
        error={error?.field === 'policyName' ? error.message : undefined}
      />
      <PolicyEditor
        value={document}
        onChange={props.readOnly ? undefined : setDraft}
        readOnly={props.readOnly}
        policyType="identity"
        sizeLimit={props.inlineSizeLimit}
        onFindings={setFindings}
        label="Inline policy document (JSON)"
        height="16rem"
      />
      {policyName !== null && existing.data && !props.readOnly && (
        <WhatChanges before={existing.data.document} after={document} policyType="identity" enabled={!hasErrors(findings)} />
      )}
      {error && error.field !== 'policyName' && <ErrorState error={error} />}
      <div className="flex gap-2">
        {!props.readOnly && (
          <Button
            pending={put.isPending}
            disabled={!name.trim() || hasErrors(findings)}
            onClick={() => put.mutate({ policyName: name.trim(), document })}
          >
            Save inline policy
          </Button>
        )}
        <Button variant="secondary" onClick={onDone}>
          {props.readOnly ? 'Close' : 'Cancel'}
        </Button>
      </div>
    </section>
  );
}

export function IdentityPermissions(props: IdentityPermissionsProps) {
  const [detaching, setDetaching] = useState<{ policyName: string; policyArn: string } | null>(null);
  const [deletingInline, setDeletingInline] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const detach = useActionMutation(props.detachPolicy, {
    invalidates: [props.detailKey, ['policies']],
    onSuccess: () => setDetaching(null),
  });
  const removeInline = useActionMutation(props.deleteInlinePolicy, {
    invalidates: [props.detailKey],
    onSuccess: () => setDeletingInline(null),
  });
  const { kind, name } = props;

  return (
    <div className="space-y-6">
      {kind === 'role' && !props.readOnly && (
        <GeneratePolicyPanel kind="role" name={name} detailKey={props.detailKey} putInlinePolicy={props.putInlinePolicy} />
      )}
      <section aria-labelledby="attached-heading" className="space-y-3">
        <h2 id="attached-heading" className="text-lg font-semibold">
          Attached managed policies
        </h2>
        <div className="max-w-sm">
          <QuotaMeter
            label={`Managed policies attached to this ${kind}`}
            used={props.attachedPolicies.length}
            limit={MANAGED_POLICIES_PER_PRINCIPAL}
            testId="attached-policies-meter"
          />
        </div>
        {props.attachedPolicies.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No managed policy is attached.</p>
        ) : (
          <Table caption="Attached managed policies">
            <THead>
              <tr>
                <Th>Policy</Th>
                <Th>ARN</Th>
                {!props.readOnly && <Th>Actions</Th>}
              </tr>
            </THead>
            <TBody>
              {props.attachedPolicies.map((p) => (
                <Tr key={p.policyArn}>
                  <Td>
                    <Link className="font-medium underline-offset-2 hover:underline" href={policyHref(p.policyArn)}>
                      {p.policyName}
                    </Link>
                  </Td>
                  <Td className="break-all font-mono text-xs">{p.policyArn}</Td>
                  {!props.readOnly && (
                    <Td>
                      <Button size="sm" variant="secondary" onClick={() => setDetaching(p)}>
                        Detach {p.policyName}
                      </Button>
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {!props.readOnly && <AttachForm props={props} />}
      </section>

      <section aria-labelledby="inline-heading" className="space-y-3">
        <h2 id="inline-heading" className="text-lg font-semibold">
          Inline policies
        </h2>
        {props.inlinePolicyNames.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No inline policy.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {props.inlinePolicyNames.map((policyName) => (
              <li key={policyName} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="font-medium">{policyName}</span>
                <span className="flex gap-2">
                  <Button size="sm" variant="secondary" onClick={() => setEditing(policyName)}>
                    {props.readOnly ? 'View' : 'Edit'} {policyName}
                  </Button>
                  {!props.readOnly && (
                    <Button size="sm" variant="danger" onClick={() => setDeletingInline(policyName)}>
                      Delete {policyName}
                    </Button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {!props.readOnly && editing === undefined && (
          <Button variant="secondary" onClick={() => setEditing(null)}>
            Create inline policy
          </Button>
        )}
        {editing !== undefined && (
          <InlineEditor key={editing ?? '(new)'} props={props} policyName={editing} onDone={() => setEditing(undefined)} />
        )}
      </section>

      <ConfirmDialog
        open={detaching !== null}
        onClose={() => {
          detach.reset();
          setDetaching(null);
        }}
        title={`Detach ${detaching?.policyName ?? ''} from ${name}?`}
        confirmLabel="Detach policy"
        pending={detach.isPending}
        error={actionErrorOf(detach.error)}
        onConfirm={() => detaching && detach.mutate({ policyArn: detaching.policyArn })}
      >
        <p>
          The {kind} {name} loses the permissions of <span className="font-mono">{detaching?.policyArn}</span>. The policy itself stays.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deletingInline !== null}
        onClose={() => {
          removeInline.reset();
          setDeletingInline(null);
        }}
        title={`Delete the inline policy ${deletingInline ?? ''}?`}
        confirmLabel="Delete inline policy"
        pending={removeInline.isPending}
        error={actionErrorOf(removeInline.error)}
        onConfirm={() => deletingInline && removeInline.mutate({ policyName: deletingInline })}
      >
        <p>
          The inline policy {deletingInline} of the {kind} {name} is deleted for good.
        </p>
      </ConfirmDialog>
    </div>
  );
}
