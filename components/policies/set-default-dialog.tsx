'use client';
// "Set as default" with its consequence shown first: what the version newly allows and no longer allows,
// compared with the current default (computed with lib/policy over the action catalogue, on the server).
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, useActionMutation, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { comparePolicyVersions } from '@/lib/console/actions/policies/compare-policy-versions';
import { setDefaultPolicyVersion } from '@/lib/console/actions/policies/set-default-policy-version';
import type { PermissionChange } from '@/lib/console/actions/policies/permission-diff';
import { VersionTextDiff } from './version-text-diff';

function Changes({
  title,
  changes,
  tone,
  testId,
}: {
  title: string;
  changes: PermissionChange[];
  tone: 'success' | 'danger';
  testId: string;
}) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className="flex items-center gap-2 font-medium">
        {title} <Badge tone={tone}>{changes.length}</Badge>
      </h3>
      {changes.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">Nothing.</p>
      ) : (
        <ul className="mt-1 max-h-40 space-y-1 overflow-y-auto font-mono text-xs">
          {changes.map((c) => (
            <li key={`${c.action}-${c.to}`}>
              <span className="font-semibold">{c.action}</span>
              {c.to === 'explicitDeny' && <span className="font-sans text-red-700 dark:text-red-400"> (explicitly denied)</span>} on{' '}
              {c.resources.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SetDefaultDialog({
  policyArn,
  fromVersionId,
  toVersionId,
  onClose,
}: {
  policyArn: string;
  fromVersionId: string;
  toVersionId: string | null;
  onClose: () => void;
}) {
  const open = toVersionId !== null;
  const diff = useActionQuery(
    ['policy-diff', policyArn, fromVersionId, toVersionId],
    comparePolicyVersions,
    { policyArn, fromVersionId, toVersionId: toVersionId ?? 'v1' },
    { enabled: open, staleTime: 300_000 },
  );
  const setDefault = useActionMutation(setDefaultPolicyVersion, {
    invalidates: [['policy', policyArn], ['policies']],
    onSuccess: onClose,
  });
  const close = () => {
    setDefault.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Set ${toVersionId ?? ''} as the default version?`}
      description={`Every user, group and role this policy is attached to gets ${toVersionId ?? ''}'s permissions instead of ${fromVersionId}'s.`}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button pending={setDefault.isPending} onClick={() => toVersionId && setDefault.mutate({ policyArn, versionId: toVersionId })}>
            Set {toVersionId} as default
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm" data-testid="permission-diff">
        <p className="font-medium">
          Change in effective permissions ({fromVersionId} → {toVersionId})
        </p>
        {diff.isPending ? (
          <LoadingBlock label="Comparing the versions…" />
        ) : diff.isError ? (
          <ErrorState error={actionErrorOf(diff.error)!} title="The versions could not be compared" />
        ) : (
          <>
            <Changes title="Newly allowed" changes={diff.data.newlyAllowed} tone="success" testId="newly-allowed" />
            <Changes title="Newly denied" changes={diff.data.newlyDenied} tone="danger" testId="newly-denied" />
            <p className="text-xs text-slate-600 dark:text-slate-300">
              {diff.data.actionsConsidered} actions × {diff.data.resourcesConsidered.length} resources named in either version (
              {diff.data.evaluated} pairs evaluated{diff.data.truncated ? ', stopped at the limit' : ''}); conditions are assumed to hold.
              {diff.data.unknownServices.length > 0 && ` Services not in the action catalogue: ${diff.data.unknownServices.join(', ')}.`}
            </p>
          </>
        )}
        {open && (
          <details>
            <summary className="cursor-pointer font-medium">
              Text difference ({fromVersionId} → {toVersionId})
            </summary>
            <div className="pt-2">
              <VersionTextDiff policyArn={policyArn} fromVersionId={fromVersionId} toVersionId={toVersionId!} />
            </div>
          </details>
        )}
        {setDefault.error && <ErrorState error={actionErrorOf(setDefault.error)!} title="The default version was not changed" />}
      </div>
    </Dialog>
  );
}
