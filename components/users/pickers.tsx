'use client';
// Choosers for a group and a managed policy, searchable, over every page of ListGroups / ListPolicies.
import { useMemo, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { actionErrorOf } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { useAllGroups, useAllPolicies } from './use-users';

function Choices({
  items,
  value,
  onChange,
  label,
  exclude,
}: {
  items: Array<{ id: string; label: string; detail?: string }>;
  value: string;
  onChange: (id: string) => void;
  label: string;
  exclude?: ReadonlySet<string>;
}) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return items.filter((i) => !exclude?.has(i.id) && (!f || i.label.toLowerCase().includes(f))).slice(0, 200);
  }, [items, filter, exclude]);
  return (
    <div className="space-y-2">
      <Input label={`Search ${label}`} value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      <fieldset className="max-h-56 space-y-0.5 overflow-auto rounded border border-slate-200 p-2 dark:border-slate-700">
        <legend className="sr-only">{label}</legend>
        {shown.map((i) => (
          <label
            key={i.id}
            className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <input type="radio" name={label} value={i.id} checked={value === i.id} onChange={() => onChange(i.id)} />
            <span>{i.label}</span>
            {i.detail && <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">{i.detail}</span>}
          </label>
        ))}
        {shown.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">Nothing matches.</p>}
        {shown.length === 200 && (
          <p className="text-xs text-slate-600 dark:text-slate-300">Showing the first 200 matches; refine the search.</p>
        )}
      </fieldset>
    </div>
  );
}

/** Chooses one group (by name). */
export function GroupPicker({
  value,
  onChange,
  exclude,
}: {
  value: string;
  onChange: (name: string) => void;
  exclude?: ReadonlySet<string>;
}) {
  const groups = useAllGroups();
  if (groups.isPending) return <LoadingBlock label="Reading groups…" />;
  if (groups.isError) return <ErrorState error={actionErrorOf(groups.error)!} />;
  return (
    <Choices
      label="groups"
      value={value}
      onChange={onChange}
      exclude={exclude}
      items={groups.data.groups.map((g) => ({ id: g.groupName, label: g.groupName, detail: g.path }))}
    />
  );
}

/** Chooses one managed policy (by ARN). */
export function PolicyPicker({
  value,
  onChange,
  exclude,
}: {
  value: string;
  onChange: (arn: string) => void;
  exclude?: ReadonlySet<string>;
}) {
  const policies = useAllPolicies();
  if (policies.isPending) return <LoadingBlock label="Reading policies…" />;
  if (policies.isError) return <ErrorState error={actionErrorOf(policies.error)!} />;
  return (
    <Choices
      label="policies"
      value={value}
      onChange={onChange}
      exclude={exclude}
      items={policies.data.policies.map((p) => ({
        id: p.arn,
        label: p.policyName,
        detail: p.awsManaged ? 'AWS managed' : 'Customer managed',
      }))}
    />
  );
}
