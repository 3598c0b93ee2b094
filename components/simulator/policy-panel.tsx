'use client';
// The simulated policies: a list to choose from and the policy editor for the chosen one (validation findings
// inline, the deciding statement highlighted). Edits are what-if overrides; custom mode adds and removes policies.
import { useState } from 'react';
import type { SourceRange } from '@/lib/policy';
import type { PolicyCompileError } from '@/lib/simulator/policy-set';
import type { SimulatorPolicy, SimulatorPolicyKind } from '@/lib/simulator/types';
import { PolicyEditor } from '@/components/policy-editor';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

const KIND_LABEL: Record<SimulatorPolicyKind | 'trust', string> = {
  identity: 'Identity-based',
  boundary: 'Permissions boundary',
  session: 'Session policy',
  resource: 'Resource-based',
  trust: 'Trust policy',
};

/** A policy as the panel lists it (trust policies are shown read-only). */
export interface PanelPolicy extends Omit<SimulatorPolicy, 'kind'> {
  kind: SimulatorPolicyKind | 'trust';
  readOnly?: boolean;
  removable?: boolean;
}

/** What the two marks in the policy text mean. */
function HighlightLegend() {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400" data-testid="highlight-legend">
      <span className="inline-flex items-center gap-1">
        <span aria-hidden className="inline-block h-3 w-5 rounded-sm border border-yellow-600 bg-yellow-300/60" /> deciding statement — made
        the decision
      </span>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden className="inline-block h-3 w-5 rounded-sm border border-dashed border-blue-600 bg-slate-300/30" /> closest miss —
        an Allow that did not apply (the explanation says why)
      </span>
    </p>
  );
}

export function PolicyPanel({
  policies,
  overrides,
  errors,
  activeId,
  onActivate,
  highlight,
  onEdit,
  onRevert,
  onRemove,
  onAdd,
  addKinds,
}: {
  policies: PanelPolicy[];
  overrides: Record<string, string>;
  errors: PolicyCompileError[];
  activeId?: string;
  onActivate: (id: string) => void;
  highlight?: { policyId: string; range: SourceRange; kind: 'deciding' | 'closest' };
  onEdit: (id: string, text: string) => void;
  onRevert: (id: string) => void;
  onRemove?: (id: string) => void;
  onAdd?: (kind: SimulatorPolicyKind) => void;
  addKinds: SimulatorPolicyKind[];
}) {
  const [addKind, setAddKind] = useState<SimulatorPolicyKind>(addKinds[0] ?? 'identity');
  const active = policies.find((p) => p.id === activeId) ?? policies[0];
  const errorOf = new Map(errors.map((e) => [e.policyId, e.message]));
  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
      <div className="space-y-2">
        <ul aria-label="Policies in the simulation" className="space-y-1">
          {policies.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => onActivate(p.id)}
                aria-current={p.id === active?.id ? 'true' : undefined}
                data-testid="policy-tab"
                className={cn(
                  'w-full rounded-md border px-2 py-1.5 text-left text-sm',
                  p.id === active?.id
                    ? 'border-blue-700 bg-blue-50 dark:border-sky-400 dark:bg-sky-950'
                    : 'border-slate-200 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800',
                )}
              >
                <span className="block break-all">{p.label}</span>
                <span className="mt-0.5 flex flex-wrap gap-1">
                  <Badge>{KIND_LABEL[p.kind]}</Badge>
                  {overrides[p.id] !== undefined && overrides[p.id] !== p.text && <Badge tone="info">edited</Badge>}
                  {errorOf.has(p.id) && <Badge tone="danger">not evaluated</Badge>}
                  {highlight?.policyId === p.id &&
                    (highlight.kind === 'closest' ? (
                      <Badge tone="info">closest miss</Badge>
                    ) : (
                      <Badge tone="warning">deciding statement</Badge>
                    ))}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {policies.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No policies yet.</p>}
        {onAdd && (
          <div className="flex gap-2">
            <select
              aria-label="Kind of policy to add"
              className="rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900"
              value={addKind}
              onChange={(e) => setAddKind(e.target.value as SimulatorPolicyKind)}
            >
              {addKinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
            <Button variant="secondary" size="sm" onClick={() => onAdd(addKind)}>
              Add policy
            </Button>
          </div>
        )}
      </div>
      {active && (
        <div className="min-w-0 space-y-2" data-testid="active-policy" data-policy-id={active.id}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="break-all text-sm font-semibold">{active.label}</h3>
            <div className="flex gap-2">
              {overrides[active.id] !== undefined && overrides[active.id] !== active.text && (
                <Button variant="secondary" size="sm" onClick={() => onRevert(active.id)}>
                  Revert edits
                </Button>
              )}
              {active.removable && onRemove && (
                <Button variant="danger" size="sm" onClick={() => onRemove(active.id)}>
                  Remove
                </Button>
              )}
            </div>
          </div>
          {errorOf.has(active.id) && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              This policy does not parse and takes no part in the simulation: {errorOf.get(active.id)}
            </p>
          )}
          <HighlightLegend />
          <PolicyEditor
            key={active.id}
            value={overrides[active.id] ?? active.text}
            onChange={active.readOnly ? undefined : (text) => onEdit(active.id, text)}
            readOnly={active.readOnly}
            policyType={active.kind}
            label={`Policy document: ${active.label}`}
            highlightRange={highlight?.policyId === active.id ? highlight.range : null}
            highlightKind={highlight?.kind}
            height="24rem"
          />
        </div>
      )}
    </div>
  );
}
