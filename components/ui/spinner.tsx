// Progress indicators: a spinner for short waits, a bar (determinate or not) for long work.
import { cn } from './cn';

/** A spinning ring. `label` is announced to screen readers (pass "" when a surrounding element says it). */
export function Spinner({ size = 'md', label = 'Loading…' }: { size?: 'sm' | 'md' | 'lg'; label?: string }) {
  const dimension = { sm: 'h-4 w-4 border-2', md: 'h-6 w-6 border-2', lg: 'h-10 w-10 border-4' }[size];
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-2">
      <span aria-hidden className={cn('inline-block animate-spin rounded-full border-current border-r-transparent', dimension)} />
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}

/** A progress bar. Without `value` (0–100) it is indeterminate. */
export function ProgressBar({ value, label, className }: { value?: number; label: string; className?: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800', className)}
    >
      {value === undefined ? (
        <div className="h-full w-2/5 rounded-full bg-blue-600 motion-safe:animate-[gh-indeterminate_1.2s_ease-in-out_infinite] dark:bg-sky-400" />
      ) : (
        <div
          className="h-full rounded-full bg-blue-600 transition-[width] dark:bg-sky-400"
          style={{ width: `${Math.max(0, Math.min(100, value))}%` }}
        />
      )}
    </div>
  );
}

/** A centred spinner with a sentence, for a section that is loading. */
export function LoadingBlock({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex items-center gap-3 p-6 text-sm text-slate-600 dark:text-slate-300">
      <Spinner label="" />
      <span role="status">{label}</span>
    </div>
  );
}
