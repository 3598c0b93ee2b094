'use client';
// Two versions of a managed policy side by side as a text diff: pick any two (default: the default version and
// the newest other one); removed lines red with −, added lines green with +.
import { useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { getPolicyVersion } from '@/lib/console/actions/policies/get-policy-version';
import { cn } from '@/components/ui/cn';
import { documentDiff } from './version-diff';

function useVersion(policyArn: string, versionId: string) {
  return useActionQuery(
    ['policy-version', policyArn, versionId],
    getPolicyVersion,
    { policyArn, versionId },
    { enabled: !!versionId, staleTime: 300_000 },
  );
}

/** The text diff of `fromVersionId` → `toVersionId`. */
export function VersionTextDiff({
  policyArn,
  fromVersionId,
  toVersionId,
}: {
  policyArn: string;
  fromVersionId: string;
  toVersionId: string;
}) {
  const from = useVersion(policyArn, fromVersionId);
  const to = useVersion(policyArn, toVersionId);
  if (from.isError || to.isError) return <ErrorState error={actionErrorOf(from.error ?? to.error)!} title="A version could not be read" />;
  if (!from.data || !to.data) return <LoadingBlock label="Reading both versions…" />;
  const lines = documentDiff(from.data.document, to.data.document);
  const changed = lines.filter((l) => l.kind !== 'same').length;
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="version-diff-summary">
        {changed === 0
          ? `${fromVersionId} and ${toVersionId} are the same document.`
          : `${lines.filter((l) => l.kind === 'removed').length} line(s) removed, ${lines.filter((l) => l.kind === 'added').length} added from ${fromVersionId} to ${toVersionId}.`}
      </p>
      <pre
        className="max-h-96 overflow-auto rounded-md border border-slate-200 text-xs leading-5 dark:border-slate-800"
        data-testid="version-diff"
        aria-label={`Text difference from ${fromVersionId} to ${toVersionId}`}
      >
        {lines.map((line, i) => (
          <div
            key={i}
            data-kind={line.kind}
            className={cn(
              'whitespace-pre-wrap break-all px-2 font-mono',
              line.kind === 'added' && 'bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200',
              line.kind === 'removed' && 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200',
            )}
          >
            <span aria-hidden className="mr-2 inline-block w-3 select-none">
              {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
            </span>
            <span className="sr-only">{line.kind === 'added' ? 'added: ' : line.kind === 'removed' ? 'removed: ' : ''}</span>
            {line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}

/** "Compare versions": two pickers over the policy's versions and their text diff. */
export function CompareVersions({
  policyArn,
  versions,
  defaultVersionId,
}: {
  policyArn: string;
  versions: string[];
  defaultVersionId: string;
}) {
  const newestOther = versions.filter((v) => v !== defaultVersionId).sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)))[0];
  const [from, setFrom] = useState(defaultVersionId);
  const [to, setTo] = useState(newestOther ?? defaultVersionId);
  if (versions.length < 2)
    return <p className="text-sm text-slate-600 dark:text-slate-300">Only one version: save an edit as a new version to compare.</p>;
  const picker = (label: string, value: string, onChange: (v: string) => void) => (
    <label className="flex items-center gap-2 text-sm">
      {label}
      <select
        aria-label={`Compare ${label.toLowerCase()} version`}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
            {v === defaultVersionId ? ' (default)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="compare-versions-heading" className="space-y-2">
      <h3 id="compare-versions-heading" className="font-semibold">
        Compare versions
      </h3>
      <div className="flex flex-wrap items-center gap-3">
        {picker('From', from, setFrom)}
        {picker('To', to, setTo)}
      </div>
      <VersionTextDiff policyArn={policyArn} fromVersionId={from} toVersionId={to} />
    </section>
  );
}
