'use client';
// The explorer page: reads the account once (cached), answers "who can do X on Y" for every principal locally,
// finds every path to admin, and shows the account's shape by path with a graph of the selected principal, its
// paths from and to it and what it can do. State lives in the URL.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf } from '@/components/ui/query';
import { LoadingBlock, ProgressBar } from '@/components/ui/spinner';
import { formatTime } from '@/components/ui/time';
import type { WhoCanQuestion } from '@/lib/explorer/who-can';
import { questionProblem } from '@/lib/explorer/who-can';
import { AccountShape } from './account-shape';
import { AdminPaths } from './admin-paths';
import { RisksView } from './risks-view';
import { useEscalation } from './use-escalation';
import { QuestionForm } from './question-form';
import { SNAPSHOT_KEY, useAccountSnapshot } from './use-account-snapshot';
import { useExplorerUrl } from './use-explorer-url';
import { useWhoCan } from './use-who-can';
import { WhoCanResultsView } from './who-can-results';

export function Explorer() {
  const [url, setUrl] = useExplorerUrl();
  const client = useQueryClient();
  const snapshot = useAccountSnapshot();
  const { account } = snapshot;

  const question = useMemo<WhoCanQuestion | undefined>(() => {
    const q = { action: url.action, resource: url.resource, context: url.context };
    return q.action && !questionProblem(q) ? q : undefined;
  }, [url.action, url.resource, url.context]);
  const run = useWhoCan(account, question);
  const escalation = useEscalation(account);
  const running = !!question && (!run || !run.progress.finished);
  const questionKey = JSON.stringify([url.action, url.resource, url.context]);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-300">
        {snapshot.data && (
          <span data-testid="snapshot-summary">
            {snapshot.data.users.length} users, {snapshot.data.groups.length} groups, {snapshot.data.roles.length} roles,{' '}
            {snapshot.data.policies.length} managed policies · read {formatTime(snapshot.data.readAt, { seconds: true })}
          </span>
        )}
        <Button
          variant="secondary"
          size="sm"
          pending={snapshot.isFetching}
          onClick={() => void client.invalidateQueries({ queryKey: SNAPSHOT_KEY })}
        >
          Refresh
        </Button>
      </div>

      {snapshot.isPending && <LoadingBlock label="Reading the account's authorization details…" />}
      {snapshot.compileProgress !== undefined && (
        <div className="space-y-1">
          <ProgressBar value={snapshot.compileProgress} label="Compiling the account's policies" />
          <p className="text-xs text-slate-600 dark:text-slate-400" role="status">
            Compiling the account&apos;s policies…
          </p>
        </div>
      )}
      {snapshot.isError && (
        <ErrorState error={actionErrorOf(snapshot.error)!} title="The account's authorization details could not be read" />
      )}
      {account && account.problems.length > 0 && (
        <Alert tone="warning" title={`${account.problems.length} policies could not be compiled and are left out`}>
          <ul className="list-disc pl-5">
            {account.problems.slice(0, 10).map((p) => (
              <li key={p.policyId}>
                {p.name}: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <section aria-labelledby="who-can-heading" className="space-y-4">
        <h2 id="who-can-heading" className="text-lg font-semibold">
          Who can do X on Y
        </h2>
        <QuestionForm
          key={questionKey}
          question={{ action: url.action, resource: url.resource, context: url.context }}
          busy={running}
          onAsk={(q) => setUrl({ action: q.action, resource: q.resource, context: q.context })}
        />
        {question && account && run && (
          <div className="space-y-3">
            {!run.progress.finished ? (
              <div className="space-y-1">
                <ProgressBar value={(run.progress.done / Math.max(1, run.progress.total)) * 100} label="Evaluating principals" />
                <p className="text-xs text-slate-600 dark:text-slate-400" role="status">
                  Evaluated {run.progress.done} of {run.progress.total}…
                </p>
              </div>
            ) : (
              <p className="text-xs text-slate-600 dark:text-slate-400" role="status" data-testid="who-can-status">
                Evaluated {account.users.length} users and {account.roles.length} roles for {question.action} on {question.resource} in{' '}
                {Math.round(run.elapsedMs)} ms.
              </p>
            )}
            <WhoCanResultsView results={run.results} version={run.version} tab={url.tab} onTab={(tab) => setUrl({ tab })} />
          </div>
        )}
      </section>

      <section aria-labelledby="admin-paths-heading" className="space-y-4">
        <div>
          <h2 id="admin-paths-heading" className="text-lg font-semibold">
            Every path to admin
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Admin-equivalent users and roles, and everyone who can become one: by assuming roles, taking over a user&apos;s credentials,
            rewriting a trust policy, passing a role to a compute service or changing permissions — each step with the statements that allow
            it.
          </p>
        </div>
        {account && <AdminPaths account={account} escalation={escalation} onSelect={(principal) => setUrl({ principal })} />}
      </section>

      <section aria-labelledby="risks-heading" className="space-y-4">
        <h2 id="risks-heading" className="text-lg font-semibold">
          Risks
        </h2>
        {account && <RisksView account={account} escalation={escalation} />}
      </section>

      <section aria-labelledby="shape-heading" className="space-y-4">
        <div>
          <h2 id="shape-heading" className="text-lg font-semibold">
            The account&apos;s shape
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Users, groups and roles by path. Select one to see its groups, policies, boundary and trust relations.
          </p>
        </div>
        {account && (
          <AccountShape
            account={account}
            escalation={escalation}
            path={url.path}
            principal={url.principal}
            onPath={(path) => setUrl({ path })}
            onSelect={(principal) => setUrl({ principal })}
          />
        )}
      </section>
    </div>
  );
}
