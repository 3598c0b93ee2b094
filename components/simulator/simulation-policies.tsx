'use client';
// The policies in play, editable: each edit re-evaluates the matrix and is compared with the unedited policies.
import { Button } from '@/components/ui/button';
import { PolicyPanel } from './policy-panel';
import type { Simulation } from './use-simulation';

export function SimulationPolicies({ sim }: { sim: Simulation }) {
  const { state, setState, update, panelPolicies, result, activePolicy, setActivePolicy, highlight, addPolicy } = sim;
  return (
    <section aria-labelledby="sim-policies" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sim-policies" className="text-lg font-semibold">
          Policies
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {Object.keys(state.overrides).length > 0 && (
            <Button variant="secondary" size="sm" onClick={() => update({ overrides: {} })}>
              Revert all edits
            </Button>
          )}
          {state.mode === 'custom' && Object.keys(state.overrides).length > 0 && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                update({ policies: state.policies.map((p) => ({ ...p, text: state.overrides[p.id] ?? p.text })), overrides: {} })
              }
            >
              Keep edits as the baseline
            </Button>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Edit any policy: the matrix updates as you type, and the edit is compared with the unedited policies.
      </p>
      <PolicyPanel
        policies={panelPolicies}
        overrides={state.overrides}
        errors={result.current.errors}
        activeId={activePolicy}
        onActivate={setActivePolicy}
        highlight={highlight}
        onEdit={(id, text) => setState((s) => ({ ...s, overrides: { ...s.overrides, [id]: text } }))}
        onRevert={(id) =>
          setState((s) => {
            const next = { ...s.overrides };
            delete next[id];
            return { ...s, overrides: next };
          })
        }
        onRemove={(id) => update({ policies: state.policies.filter((p) => p.id !== id) })}
        onAdd={addPolicy}
        addKinds={state.mode === 'custom' ? ['identity', 'boundary', 'resource', 'session'] : ['session']}
      />
    </section>
  );
}
