'use client';
// Context keys the policies reference, as typed inputs (several values for set keys), plus the caller ARN,
// principal tags and any other key typed by hand.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ContextKeyField } from '@/lib/simulator/context-keys';
import type { ContextKeyType } from '@/lib/simulator/types';

const INPUT =
  'block w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-900';

const PLACEHOLDERS: Record<ContextKeyType, string> = {
  string: 'text',
  number: '42',
  date: '2026-01-01T00:00:00Z',
  bool: 'true / false',
  ip: '203.0.113.10',
  arn: 'arn:aws:…',
  binary: 'base64',
};

function ValueInput({ field, values, onChange }: { field: ContextKeyField; values: string[]; onChange: (values: string[]) => void }) {
  const label = `${field.key} (${field.type}${field.multiValue ? ', several values' : ''})`;
  if (field.type === 'bool' && !field.multiValue) {
    return (
      <select
        aria-label={label}
        className={INPUT}
        value={values[0] ?? ''}
        onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}
      >
        <option value="">(absent)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (field.multiValue) {
    return (
      <input
        aria-label={label}
        className={INPUT}
        placeholder={`${PLACEHOLDERS[field.type]}, … (comma-separated)`}
        value={values.join(', ')}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }
  return (
    <input
      aria-label={label}
      className={INPUT}
      type={field.type === 'number' ? 'text' : 'text'}
      inputMode={field.type === 'number' ? 'decimal' : undefined}
      placeholder={`${PLACEHOLDERS[field.type]} — empty: absent`}
      value={values[0] ?? ''}
      onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}
    />
  );
}

export function ContextInputs({
  fields,
  context,
  onContextChange,
  callerArn,
  defaultCallerArn,
  onCallerArnChange,
  principalTags,
  onPrincipalTagsChange,
}: {
  fields: ContextKeyField[];
  context: Record<string, string[]>;
  onContextChange: (context: Record<string, string[]>) => void;
  callerArn?: string;
  defaultCallerArn?: string;
  onCallerArnChange: (arn: string | undefined) => void;
  principalTags: Record<string, string>;
  onPrincipalTagsChange: (tags: Record<string, string>) => void;
}) {
  const [newKey, setNewKey] = useState('');
  const [tagText, setTagText] = useState('');
  const set = (key: string, values: string[]) => {
    const next = { ...context };
    if (values.length === 0) delete next[key];
    else next[key] = values;
    onContextChange(next);
  };
  const detected = new Set(fields.map((f) => f.key.toLowerCase()));
  const extra = Object.keys(context).filter((k) => !detected.has(k.toLowerCase()));
  return (
    <div className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label className="block text-sm font-medium" htmlFor="sim-caller-arn">
            Caller ARN
          </label>
          <input
            id="sim-caller-arn"
            className={INPUT}
            placeholder={defaultCallerArn ?? 'arn:aws:iam::123456789012:user/alice'}
            value={callerArn ?? ''}
            onChange={(e) => onCallerArnChange(e.target.value || undefined)}
          />
        </div>
        <div>
          <label className="block text-sm font-medium" htmlFor="sim-principal-tags">
            Principal tags (key=value, comma-separated)
          </label>
          <input
            id="sim-principal-tags"
            className={INPUT}
            placeholder="team=red, project=apollo"
            value={
              tagText ||
              Object.entries(principalTags)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')
            }
            onChange={(e) => {
              setTagText(e.target.value);
              const tags: Record<string, string> = {};
              for (const part of e.target.value.split(',')) {
                const [k, ...v] = part.split('=');
                if (k?.trim()) tags[k.trim()] = v.join('=').trim();
              }
              onPrincipalTagsChange(tags);
            }}
          />
        </div>
      </div>
      {fields.length === 0 && extra.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The policies reference no context keys.</p>
      ) : (
        <table className="w-full text-sm" data-testid="context-keys">
          <caption className="sr-only">Context keys</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600 dark:text-slate-400">
              <th className="py-1 pr-2 font-medium">Key</th>
              <th className="py-1 pr-2 font-medium">Read by</th>
              <th className="py-1 font-medium">Value</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.key} className="align-top">
                <td className="py-1 pr-2 font-mono text-xs">{field.key}</td>
                <td className="py-1 pr-2 text-xs text-slate-600 dark:text-slate-400">{field.operators.join(', ') || 'policy variable'}</td>
                <td className="py-1">
                  <ValueInput
                    field={field}
                    values={
                      context[field.key] ?? Object.entries(context).find(([k]) => k.toLowerCase() === field.key.toLowerCase())?.[1] ?? []
                    }
                    onChange={(v) => set(field.key, v)}
                  />
                </td>
              </tr>
            ))}
            {extra.map((key) => (
              <tr key={key} className="align-top">
                <td className="py-1 pr-2 font-mono text-xs">{key}</td>
                <td className="py-1 pr-2 text-xs text-slate-600">added by hand</td>
                <td className="py-1">
                  <ValueInput
                    field={{ key, type: 'string', multiValue: true, operators: [] }}
                    values={context[key]}
                    onChange={(v) => set(key, v)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex gap-2">
        <input
          aria-label="Another context key"
          className={INPUT}
          placeholder="aws:RequestedRegion"
          value={newKey}
          onChange={(e) => setNewKey(e.target.value)}
        />
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            if (newKey.trim()) set(newKey.trim(), context[newKey.trim()] ?? ['']);
            setNewKey('');
          }}
        >
          Add key
        </Button>
      </div>
    </div>
  );
}
