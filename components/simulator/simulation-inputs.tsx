'use client';
// The simulator's question: mode, principal (its policies read through the API), actions, resources, context.
import { ErrorState } from '@/components/ui/error-state';
import { ActionInput } from './action-input';
import { ContextInputs } from './context-inputs';
import { PrincipalPicker } from './principal-picker';
import { ResourceInput } from './resource-input';
import type { Simulation } from './use-simulation';

export function SimulationInputs({ sim }: { sim: Simulation }) {
  const { state, update, gatheredQuery, principal, gatherError, gathered, expanded, templates, trustQuery, result } = sim;
  return (
    <section
      aria-labelledby="sim-inputs"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="sim-inputs" className="sr-only">
        Inputs
      </h2>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">Mode</legend>
        {(['principal', 'custom'] as const).map((mode) => (
          <label key={mode} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="sim-mode"
              value={mode}
              checked={state.mode === mode}
              onChange={() => update({ mode, overrides: {} })}
            />
            {mode === 'principal' ? 'A user, group or role' : 'Custom policies'}
          </label>
        ))}
      </fieldset>
      {state.mode === 'principal' && (
        <div className="space-y-2">
          <PrincipalPicker value={state.principal} onChange={(p) => update({ principal: p, overrides: {} })} />
          {gatheredQuery.isFetching && principal && (
            <p className="text-sm">
              Reading the policies of {principal.type} {principal.name}…
            </p>
          )}
          {gatherError && <ErrorState error={gatherError} title="The principal's policies could not be read" />}
          {gathered && (
            <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="gathered-summary">
              <span className="font-mono">{gathered.arn}</span>: {gathered.policies.length} polic
              {gathered.policies.length === 1 ? 'y' : 'ies'}
              {gathered.trustPolicy ? ' and a trust policy' : ''}.
            </p>
          )}
          {gathered?.warnings.map((w) => (
            <p key={w} className="text-sm text-amber-800 dark:text-amber-300">
              {w}
            </p>
          ))}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <ActionInput
          actions={state.actions}
          onChange={(actions) => update({ actions })}
          expandedCount={expanded.actions.length}
          unexpanded={expanded.unexpanded}
        />
        <ResourceInput resources={state.resources} onChange={(resources) => update({ resources })} templates={templates} />
      </div>
      {expanded.truncated && <p className="text-sm text-amber-800">Only the first 1000 actions are simulated.</p>}
      {trustQuery.data &&
        Object.entries(trustQuery.data.failures).map(([name, message]) => (
          <p key={name} className="text-sm text-amber-800 dark:text-amber-300">
            Trust policy of role {name} could not be read: {message}
          </p>
        ))}
      <details>
        <summary className="cursor-pointer text-sm font-medium">
          Context ({result.fields.length} key{result.fields.length === 1 ? '' : 's'} referenced by the policies)
        </summary>
        <div className="pt-2">
          <ContextInputs
            fields={result.fields}
            context={state.context}
            onContextChange={(context) => update({ context })}
            callerArn={state.callerArn}
            defaultCallerArn={result.caller.arn}
            onCallerArnChange={(callerArn) => update({ callerArn })}
            principalTags={state.principalTags}
            onPrincipalTagsChange={(principalTags) => update({ principalTags })}
          />
        </div>
      </details>
    </section>
  );
}
