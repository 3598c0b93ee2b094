// Entered values (actions, resources) as removable chips.
import { Button } from '@/components/ui/button';

export function ChipList({ values, onRemove, label }: { values: string[]; onRemove: (index: number) => void; label: string }) {
  if (values.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {values.map((value, i) => (
        <li
          key={`${value}-${i}`}
          className="inline-flex items-center gap-1 rounded border border-slate-300 bg-slate-50 py-0.5 pl-2 pr-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
        >
          <span className="break-all">{value}</span>
          <Button variant="ghost" size="sm" className="h-6 px-1.5" aria-label={`Remove ${value}`} onClick={() => onRemove(i)}>
            ×
          </Button>
        </li>
      ))}
    </ul>
  );
}
