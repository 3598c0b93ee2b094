'use client';
// Principals × actions: several users, groups and roles judged locally against the same actions and resources.
import type { PrincipalRow } from '@/lib/simulator/matrix';
import type { PrincipalRef } from '@/lib/simulator/types';
import { Button } from '@/components/ui/button';
import { useState } from 'react';
import { CELL_CLASS, DECISION_LABEL } from './decision';
import { PrincipalPicker } from './principal-picker';

export function PrincipalsView({
  rows,
  actions,
  principals,
  onChange,
  loading,
  failures,
}: {
  rows: PrincipalRow[];
  actions: string[];
  principals: PrincipalRef[];
  onChange: (principals: PrincipalRef[]) => void;
  loading: boolean;
  failures: string[];
}) {
  const [candidate, setCandidate] = useState<PrincipalRef | undefined>();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[24rem] flex-1">
          <PrincipalPicker label="Compare principal" value={candidate} onChange={setCandidate} />
        </div>
        <Button
          variant="secondary"
          disabled={!candidate?.name}
          onClick={() => {
            if (candidate?.name && !principals.some((p) => p.type === candidate.type && p.name === candidate.name))
              onChange([...principals, candidate]);
          }}
        >
          Add to comparison
        </Button>
      </div>
      {failures.map((f) => (
        <p key={f} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {f}
        </p>
      ))}
      {loading && <p className="text-sm">Reading the principals&apos; policies…</p>}
      {actions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Enter actions to compare the principals.</p>
      ) : (
        <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
          <table className="min-w-full text-xs" data-testid="principals-matrix">
            <caption className="sr-only">Decisions: principals by actions</caption>
            <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  Principal
                </th>
                {actions.map((a) => (
                  <th key={a} scope="col" className="px-2 py-1 text-left font-mono">
                    {a}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                    {row.label}
                  </th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.action}
                      className={`px-2 py-1 ${CELL_CLASS[cell.decision]}`}
                      data-testid="principal-cell"
                      data-principal={row.label}
                      data-action={cell.action}
                      data-decision={cell.decision}
                    >
                      {DECISION_LABEL[cell.decision]}
                      {cell.decision === 'mixed' && ` (${cell.counts.allowed} allowed)`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {principals.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm">
          {principals.map((p) => (
            <li key={`${p.type}/${p.name}`}>
              <Button variant="ghost" size="sm" onClick={() => onChange(principals.filter((q) => q !== p))}>
                Remove {p.type} {p.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
