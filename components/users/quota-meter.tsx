// A quota meter: how much of an AWS quota is used (e.g. 2 access keys per user), warning when full.
import { cn } from '@/components/ui/cn';

export function QuotaMeter({ used, limit, label }: { used: number; limit: number; label: string }) {
  const ratio = Math.min(1, used / limit);
  const full = used >= limit;
  return (
    <div className="w-full max-w-xs text-xs">
      <div className="flex justify-between">
        <span>{label}</span>
        <span className={cn('tabular-nums', full && 'font-semibold text-red-700 dark:text-red-400')}>
          {used} of {limit}
        </span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
        className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className={cn('h-full rounded-full', full ? 'bg-red-600' : ratio >= 0.8 ? 'bg-amber-500' : 'bg-green-600')}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}

/** AWS's default quotas the user pages show. */
export const USER_QUOTAS = { groupsPerUser: 10, accessKeysPerUser: 2, managedPoliciesPerUser: 10 } as const;
