'use client';
// The decision matrix, actions × resources, with counts; a cell is a button that selects it for explanation.
// Rows are virtualised: a whole service (`ec2:*`, hundreds of actions) keeps only the rows in view in the DOM.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { DecisionMatrix } from '@/lib/simulator/matrix';
import { cn } from '@/components/ui/cn';
import { CELL_CLASS, DECISION_LABEL, DecisionBadge } from './decision';

/** One action's row. Memoised: while the matrix scrolls, only rows coming into view render. */
const MatrixRow = memo(function MatrixRow({
  matrix,
  index: a,
  selectedResource,
  changed,
  onSelect,
}: {
  matrix: DecisionMatrix;
  index: number;
  selectedResource?: string;
  changed: Set<string>;
  onSelect: (cell: { action: string; resource: string }) => void;
}) {
  const action = matrix.actions[a]!;
  const width = matrix.resources.length;
  return (
    <tr aria-rowindex={a + 2} style={{ height: ROW_HEIGHT }} className="border-t border-slate-200 dark:border-slate-800">
      <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-mono font-normal">
        {action}
      </th>
      {matrix.resources.map((resource, r) => {
        const decision = matrix.decisions[a * width + r]!;
        const isSelected = selectedResource === resource;
        const isChanged = changed.has(`${action}\u0000${resource}`);
        return (
          <td key={resource} className="p-0.5">
            <button
              type="button"
              data-testid="matrix-cell"
              data-action={action}
              data-resource={resource}
              data-decision={decision}
              aria-pressed={isSelected}
              aria-label={`${action} on ${resource}: ${DECISION_LABEL[decision]}${isChanged ? ' (changed by the edit)' : ''}`}
              onClick={() => onSelect({ action, resource })}
              className={cn(
                'w-full whitespace-nowrap rounded px-2 py-1 text-left',
                CELL_CLASS[decision],
                isSelected && 'ring-2 ring-blue-700 dark:ring-sky-400',
                isChanged && 'outline outline-2 outline-dashed outline-purple-600',
              )}
            >
              {DECISION_LABEL[decision]}
              {matrix.trustJudged[a * width + r] && <span className="ml-1 text-[10px]">(trust policy)</span>}
            </button>
          </td>
        );
      })}
    </tr>
  );
});

/** Height of one matrix row in pixels (a cell button of one text line). */
const ROW_HEIGHT = 30;

export function DecisionMatrixView({
  matrix,
  selected,
  onSelect,
  changed,
}: {
  matrix: DecisionMatrix;
  selected?: { action: string; resource: string };
  onSelect: (cell: { action: string; resource: string }) => void;
  /** `action\0resource` keys of cells an edit changed. */
  changed: Set<string>;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: matrix.actions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = rows.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length ? rows.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap gap-3 text-sm" data-testid="matrix-counts" aria-live="polite">
        <span>
          <DecisionBadge decision="allowed" /> <span data-testid="count-allowed">{matrix.counts.allowed}</span>
        </span>
        <span>
          <DecisionBadge decision="explicitDeny" /> <span data-testid="count-explicitDeny">{matrix.counts.explicitDeny}</span>
        </span>
        <span>
          <DecisionBadge decision="implicitDeny" /> <span data-testid="count-implicitDeny">{matrix.counts.implicitDeny}</span>
        </span>
      </p>
      <div
        ref={scroller}
        className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
        data-testid="decision-matrix-scroller"
      >
        <table className="min-w-full border-collapse text-xs" data-testid="decision-matrix" aria-rowcount={matrix.actions.length + 1}>
          <caption className="sr-only">Decisions: actions by resources</caption>
          <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Action
              </th>
              {matrix.resources.map((resource) => (
                <th key={resource} scope="col" className="max-w-[16rem] break-all px-2 py-1 text-left font-mono font-medium">
                  {resource}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top > 0 && <tr aria-hidden style={{ height: top }} />}
            {items.map(({ index: a }) => (
              <MatrixRow
                key={matrix.actions[a]}
                matrix={matrix}
                index={a}
                selectedResource={selected?.action === matrix.actions[a] ? selected.resource : undefined}
                changed={changed}
                onSelect={onSelect}
              />
            ))}
            {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
