'use client';
// Action entry with autocomplete from the action catalogue, grouped by service: services first, then — once a
// service prefix is typed — its actions (loaded lazily). Wildcards (`s3:Get*`) are accepted as entries.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { compileWildcard, matchWildcard } from '@/lib/policy';
import { serviceOf } from '@/lib/simulator/actions';
import { ChipList } from './chip-list';
import { useCatalogServices, useServiceCatalogs } from './use-catalogs';

interface Suggestion {
  group: string;
  value: string;
  hint?: string;
}

const MAX_SUGGESTIONS = 40;

export function ActionInput({
  actions,
  onChange,
  expandedCount,
  unexpanded,
}: {
  actions: string[];
  onChange: (actions: string[]) => void;
  expandedCount: number;
  unexpanded: string[];
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [activeChosen, setActiveChosen] = useState(false);
  const listId = useId();
  const typedService = serviceOf(text);
  const services = useCatalogServices(open && !typedService);
  const { catalogs, loading } = useServiceCatalogs(typedService ? [typedService] : []);

  const suggestions = useMemo<Suggestion[]>(() => {
    const lower = text.trim().toLowerCase();
    if (!lower) return [];
    if (typedService) {
      const catalog = catalogs.get(typedService);
      if (!catalog) return [];
      const pattern = compileWildcard(/[*?]/.test(lower) ? lower : `${lower}*`);
      const out: Suggestion[] = [];
      if (/[*?]/.test(lower)) out.push({ group: catalog.serviceName ?? catalog.service, value: text.trim(), hint: 'wildcard' });
      for (const action of catalog.actions) {
        const full = `${catalog.service}:${action.name}`;
        if (matchWildcard(pattern, full.toLowerCase()))
          out.push({ group: catalog.serviceName ?? catalog.service, value: full, hint: action.accessLevel });
        if (out.length >= MAX_SUGGESTIONS) break;
      }
      return out;
    }
    return (services.data ?? [])
      .filter((s) => s.service.startsWith(lower) || s.name.toLowerCase().includes(lower))
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => ({ group: 'Services', value: `${s.service}:`, hint: s.name }));
  }, [text, typedService, catalogs, services.data]);

  const add = (value: string) => {
    const v = value.trim();
    if (!v) return;
    if (v.endsWith(':')) {
      setText(v);
      setActive(0);
      return;
    }
    if (!actions.some((a) => a.toLowerCase() === v.toLowerCase())) onChange([...actions, v]);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      add(open && activeChosen && suggestions[active] ? suggestions[active].value : text);
    } else if (event.key === 'Escape') setOpen(false);
  };
  const groups = new Map<string, Suggestion[]>();
  for (const s of suggestions) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  let index = -1;

  return (
    <div className="space-y-2">
      <label htmlFor={`${listId}-input`} className="block text-sm font-medium">
        Actions
      </label>
      <div className="relative">
        <input
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={open && suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={`${listId}-hint`}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
          placeholder="s3:GetObject, s3:Get*, iam:*User*"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
            setActiveChosen(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setActiveChosen(true);
            onKeyDown(e);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {open && suggestions.length > 0 && (
          <ul
            id={listId}
            role="listbox"
            aria-label="Action suggestions"
            className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-300 bg-white text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
          >
            {[...groups.entries()].map(([group, items]) => (
              <li key={group} role="presentation">
                <div className="bg-slate-100 px-3 py-1 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  {group}
                </div>
                <ul role="group" aria-label={group}>
                  {items.map((s) => {
                    index++;
                    const i = index;
                    return (
                      <li
                        key={s.value}
                        role="option"
                        aria-selected={i === active}
                        className={`flex cursor-pointer justify-between gap-2 px-3 py-1 font-mono ${i === active ? 'bg-blue-100 dark:bg-sky-900' : ''}`}
                        onMouseDown={(e) => {
                          e.preventDefault();
                          add(s.value);
                        }}
                      >
                        <span>{s.value}</span>
                        {s.hint && <span className="font-sans text-xs text-slate-500">{s.hint}</span>}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={`${listId}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        Enter adds the text as typed (wildcards expand to the catalogue's matching actions); arrow keys pick a suggestion.
        {loading && ' Loading the service catalogue…'}
      </p>
      <ChipList label="Actions entered" values={actions} onRemove={(i) => onChange(actions.filter((_, j) => j !== i))} />
      {actions.length > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="expanded-count">
          {expandedCount} action{expandedCount === 1 ? '' : 's'} simulated
          {unexpanded.length > 0 && ` — not expanded (service not in the catalogue or wildcard in the service): ${unexpanded.join(', ')}`}
        </p>
      )}
    </div>
  );
}
