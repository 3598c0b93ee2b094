'use client';
// Key/value rows for tags (IAM allows 50 per resource).
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export interface TagDraft {
  key: string;
  value: string;
}

export function TagsEditor({ tags, onChange, max = 50 }: { tags: TagDraft[]; onChange: (tags: TagDraft[]) => void; max?: number }) {
  const set = (i: number, change: Partial<TagDraft>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...change } : t)));
  return (
    <div className="space-y-2">
      {tags.map((t, i) => (
        <div key={i} className="flex items-end gap-2">
          <Input className="flex-1" label={`Tag ${i + 1} key`} value={t.key} maxLength={128} onChange={(e) => set(i, { key: e.target.value })} />
          <Input className="flex-1" label={`Tag ${i + 1} value`} value={t.value} maxLength={256} onChange={(e) => set(i, { value: e.target.value })} />
          <Button variant="ghost" size="sm" aria-label={`Remove tag ${i + 1}`} onClick={() => onChange(tags.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" disabled={tags.length >= max} onClick={() => onChange([...tags, { key: '', value: '' }])}>
        Add tag
      </Button>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {tags.length} of {max} tags.
      </p>
    </div>
  );
}
