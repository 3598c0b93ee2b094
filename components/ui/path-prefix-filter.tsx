'use client';
// The "Path prefix" filter of the path-organised lists (groups, roles): a draft field applied on submit.
import { useState } from 'react';
import { Button } from './button';
import { Input } from './input';

/** Applies the typed prefix (empty means `/`) through `onApply`. */
export function PathPrefixFilter({ value, onApply }: { value: string; onApply: (pathPrefix: string) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft.trim() || '/');
      }}
    >
      <Input label="Path prefix" value={draft} onChange={(e) => setDraft(e.target.value)} className="w-72" />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
