'use client';
// Resource ARN entry, with templates from the resource types of the actions being simulated.
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ChipList } from './chip-list';

export function ResourceInput({
  resources,
  onChange,
  templates,
}: {
  resources: string[];
  onChange: (resources: string[]) => void;
  templates: { resourceType: string; template: string; actions: string[] }[];
}) {
  const [text, setText] = useState('');
  const id = useId();
  const add = () => {
    const v = text.trim();
    if (v && !resources.includes(v)) onChange([...resources, v]);
    setText('');
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        Resources (ARNs)
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
          placeholder="arn:aws:s3:::my-bucket/* — none: '*'"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="secondary" onClick={add}>
          Add resource
        </Button>
      </div>
      {templates.length > 0 && (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
            ARN templates of these actions ({templates.length})
          </summary>
          <ul className="mt-1 max-h-40 space-y-0.5 overflow-auto">
            {templates.slice(0, 100).map((t) => (
              <li key={t.template}>
                <button
                  type="button"
                  className="text-left font-mono text-blue-800 underline dark:text-sky-300"
                  title={t.actions.slice(0, 8).join(', ')}
                  onClick={() => setText(t.template)}
                >
                  {t.template}
                </button>{' '}
                <span className="text-slate-500">{t.resourceType}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ChipList label="Resources entered" values={resources} onRemove={(i) => onChange(resources.filter((_, j) => j !== i))} />
    </div>
  );
}
