'use client';
// "Generate least-privilege policy": IAM Access Analyzer's policy generation from the principal's audit history,
// shown in the policy editor to edit, then attached as an inline policy of the principal.
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { PolicyEditor } from '@/components/policy-editor';
import { hasErrors } from '@/components/policy-editor/findings-list';
import { getGeneratedPolicy } from '@/lib/console/actions/analyzer/get-generated-policy';
import { startPolicyGeneration } from '@/lib/console/actions/analyzer/start-policy-generation';
import type { ActionResult } from '@/lib/console/result';
import type { Finding } from '@/lib/policy';

const WINDOWS = [7, 30, 90];

export function GeneratePolicyPanel({
  kind,
  name,
  detailKey,
  putInlinePolicy,
}: {
  kind: 'user' | 'role';
  name: string;
  detailKey: readonly unknown[];
  putInlinePolicy: (input: { policyName: string; document: string }) => Promise<ActionResult<unknown>>;
}) {
  const [days, setDays] = useState(90);
  const [draft, setDraft] = useState<string | null>(null);
  const [policyName, setPolicyName] = useState('least-privilege');
  const [findings, setFindings] = useState<Finding[]>([]);
  const start = useActionMutation(startPolicyGeneration, { onSuccess: () => setDraft(null) });
  const jobId = start.data?.jobId;
  const job = useActionQuery(
    ['generated-policy', jobId],
    getGeneratedPolicy,
    { jobId: jobId ?? '' },
    {
      enabled: jobId !== undefined,
      refetchInterval: (query) => (query.state.data?.status === 'IN_PROGRESS' ? 500 : false),
    },
  );
  const attach = useActionMutation(putInlinePolicy, { invalidates: [detailKey] });
  const document = draft ?? job.data?.policy;
  return (
    <section aria-labelledby="generate-heading" className="space-y-3" data-testid="generate-policy">
      <h2 id="generate-heading" className="text-lg font-semibold">
        Least-privilege policy from activity
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        A policy of the actions this {kind} actually called (from the audit trail), with the resources its calls named. Review it, edit it,
        then attach it as an inline policy.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Activity of the last</span>
          <select
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          >
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" pending={start.isPending} onClick={() => (attach.reset(), start.mutate({ kind, name, days }))}>
          Generate least-privilege policy
        </Button>
      </div>
      {start.error && <ErrorState error={actionErrorOf(start.error)!} title="The generation could not start" />}
      {jobId !== undefined && (job.isPending || job.data?.status === 'IN_PROGRESS') && <LoadingBlock label="Reading the audit trail…" />}
      {job.error && <ErrorState error={actionErrorOf(job.error)!} />}
      {job.data && job.data.status !== 'IN_PROGRESS' && job.data.status !== 'SUCCEEDED' && (
        <Alert tone="error">
          The generation {job.data.status.toLowerCase()}
          {job.data.error ? `: ${job.data.error}` : '.'}
        </Alert>
      )}
      {document !== undefined && (
        <div className="space-y-2">
          {job.data?.isComplete === false && (
            <Alert tone="warning">Some recorded calls are not in the action catalogue and were left out.</Alert>
          )}
          <PolicyEditor
            value={document}
            onChange={setDraft}
            policyType="identity"
            onFindings={setFindings}
            label="Generated policy (JSON)"
            height="14rem"
          />
          <div className="flex flex-wrap items-end gap-2">
            <Input label="Inline policy name" value={policyName} onChange={(e) => setPolicyName(e.target.value)} />
            <Button
              pending={attach.isPending}
              disabled={!policyName.trim() || hasErrors(findings)}
              onClick={() => attach.mutate({ policyName: policyName.trim(), document })}
            >
              Attach as inline policy
            </Button>
          </div>
          {attach.error && <ErrorState error={actionErrorOf(attach.error)!} />}
          {attach.isSuccess && (
            <Alert tone="success">
              Inline policy {attach.variables?.policyName} attached to the {kind} {name}.
            </Alert>
          )}
        </div>
      )}
    </section>
  );
}
