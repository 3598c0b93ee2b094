'use client';
// The simulator's answer: recompute time, policy errors, what the edits change, and the three result views.
import { Alert } from '@/components/ui/alert';
import { actionErrorOf } from '@/components/ui/query';
import { Tabs } from '@/components/ui/tabs';
import { decisionAt } from '@/lib/simulator/matrix';
import { CellExplanation } from './cell-explanation';
import { DecisionMatrixView } from './decision-matrix';
import { PrincipalsView } from './principals-view';
import { ServiceCheck } from './service-check';
import type { Simulation } from './use-simulation';

export function SimulationResults({ sim }: { sim: Simulation }) {
  const {
    state,
    update,
    hydrated,
    result,
    labels,
    diffText,
    tab,
    setTab,
    expanded,
    cell,
    selectCell,
    changed,
    explanation,
    effects,
    trustUsed,
    showStatement,
    principalRows,
    compareQueries,
    comparePrincipals,
    check,
    runCheck,
  } = sim;
  return (
    <section aria-labelledby="sim-results" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sim-results" className="text-lg font-semibold">
          Results
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {hydrated && (
            <>
              Recomputed in <span data-testid="recompute-ms">{result.elapsed.toFixed(1)}</span> ms{' '}
            </>
          )}
          ({result.matrix.decisions.length} cells)
        </p>
      </div>
      {result.current.errors.length > 0 && (
        <Alert tone="error" title="Some policies are not evaluated">
          {result.current.errors.map((e) => `${labels.get(e.policyId) ?? e.policyId}: ${e.message}`).join(' · ')}
        </Alert>
      )}
      {diffText && (
        <div
          className="rounded-md border border-purple-300 bg-purple-50 p-3 text-sm dark:border-purple-800 dark:bg-purple-950"
          data-testid="what-if-diff"
        >
          <p className="font-semibold">{diffText}</p>
          <ul className="mt-1 space-y-0.5 font-mono text-xs">
            {result.diff.newlyAllowed.map((c) => (
              <li key={`a-${c.action}-${c.resource}`}>
                + allows {c.action} on {c.resource} (was {c.before})
              </li>
            ))}
            {result.diff.newlyDenied.map((c) => (
              <li key={`d-${c.action}-${c.resource}`}>
                − denies {c.action} on {c.resource} ({c.after})
              </li>
            ))}
            {result.diff.denyKindChanged.map((c) => (
              <li key={`k-${c.action}-${c.resource}`}>
                ~ {c.action} on {c.resource}: {c.before} → {c.after}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Tabs
        label="Result views"
        selected={tab}
        onSelect={setTab}
        items={[
          {
            id: 'matrix',
            label: 'Actions × resources',
            content:
              expanded.actions.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">Enter one or more actions to simulate.</p>
              ) : (
                <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
                  <DecisionMatrixView matrix={result.matrix} selected={cell} onSelect={selectCell} changed={changed} />
                  <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                    {explanation && cell ? (
                      <CellExplanation
                        explanation={explanation}
                        effects={effects}
                        labels={labels}
                        trustPolicyUsed={trustUsed}
                        onShow={showStatement}
                      />
                    ) : (
                      <p className="text-sm text-slate-600 dark:text-slate-400">Select a cell to see which statement decided it.</p>
                    )}
                  </div>
                </div>
              ),
          },
          {
            id: 'principals',
            label: 'Principals × actions',
            content: (
              <PrincipalsView
                rows={principalRows}
                actions={expanded.actions}
                principals={state.comparePrincipals}
                onChange={(comparePrincipals) => update({ comparePrincipals })}
                loading={compareQueries.some((q) => q.isFetching)}
                failures={compareQueries.flatMap((q, i) =>
                  q.error ? [`${comparePrincipals[i].type} ${comparePrincipals[i].name}: ${actionErrorOf(q.error)?.message}`] : [],
                )}
              />
            ),
          },
          {
            id: 'service',
            label: 'Check with the service',
            content: (
              <ServiceCheck
                result={check.data}
                error={actionErrorOf(check.error)?.message}
                pending={check.isPending}
                onCheck={runCheck}
                disabled={expanded.actions.length === 0}
                localDecision={(action, resource) => decisionAt(result.matrix, action, resource)}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
