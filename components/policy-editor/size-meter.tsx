// A live quota meter: how much of an AWS size or count quota a value uses.
import { cn } from '@/components/ui/cn';
import { policySizeOf } from './policy-limits';

/** A labelled meter: `used` of `limit`, amber from 90 %, red over the limit. */
export function QuotaMeter({
  label,
  used,
  limit,
  unit,
  testId,
}: {
  label: string;
  used: number;
  limit: number;
  unit?: string;
  testId?: string;
}) {
  const ratio = limit > 0 ? used / limit : 0;
  const tone = ratio > 1 ? 'bg-red-600' : ratio >= 0.9 ? 'bg-amber-500' : 'bg-blue-600 dark:bg-sky-400';
  return (
    <div className="space-y-1 text-xs" data-testid={testId}>
      <div className="flex justify-between gap-2">
        <span>{label}</span>
        <span className={cn('tabular-nums', ratio > 1 && 'font-semibold text-red-700 dark:text-red-400')}>
          {used.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
          {unit ? ` ${unit}` : ''}
          {ratio > 1 ? ' — over the limit' : ''}
        </span>
      </div>
      <meter className="sr-only" min={0} max={limit} low={limit * 0.9} high={limit} value={used} aria-label={label} />
      <div aria-hidden className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
        <div className={cn('h-full rounded-full', tone)} style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
    </div>
  );
}

/** The policy size meter: non-whitespace characters against AWS's limit. */
export function SizeMeter({ text, limit }: { text: string; limit: number }) {
  return (
    <QuotaMeter label="Policy size (characters other than whitespace)" used={policySizeOf(text)} limit={limit} testId="policy-size-meter" />
  );
}
