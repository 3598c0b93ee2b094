'use client';
// The one tag editor of the console (users, roles; create pages and detail pages): key/value rows with an empty
// state, IAM's rules checked in the browser at the row at fault, and — on a detail page — a Save that is enabled
// only when something changed and sends only the difference (Tag… for new and changed keys, Untag… for removed).
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { tagsProblem } from '@/components/ui/iam-rules';
import { Input } from '@/components/ui/input';
import { actionErrorOf } from '@/components/ui/query';
import type { ActionError } from '@/lib/console/result';

export interface TagDraft {
  key: string;
  value: string;
}

/** Rows of a draft that count: blank rows (no key, no value) are ignored; keys trimmed. */
export function tagsOf(draft: TagDraft[]): TagDraft[] {
  return draft.filter((t) => t.key.trim() || t.value).map((t) => ({ key: t.key.trim(), value: t.value }));
}

/** What saving `after` over `before` sends: keys to set (new or changed value) and keys to remove. */
export function tagChanges(before: TagDraft[], after: TagDraft[]): { set: TagDraft[]; remove: string[] } {
  const old = new Map(before.map((t) => [t.key, t.value]));
  const keys = new Set(after.map((t) => t.key));
  return { set: after.filter((t) => old.get(t.key) !== t.value), remove: [...old.keys()].filter((k) => !keys.has(k)) };
}

export function TagsEditor({
  tags,
  onChange,
  max = 50,
  disabled,
}: {
  tags: TagDraft[];
  onChange: (tags: TagDraft[]) => void;
  max?: number;
  disabled?: boolean;
}) {
  const set = (i: number, change: Partial<TagDraft>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...change } : t)));
  const problem = tagsProblem(tagsOf(tags), max);
  // tagsOf drops blank rows: map the problem's index back to the row on screen.
  const rows = tags.map((t, i) => ({ t, i })).filter(({ t }) => t.key.trim() || t.value);
  const faultRow = problem?.index !== undefined ? rows[problem.index]?.i : undefined;
  return (
    <div className="space-y-2" data-testid="tags-editor">
      {tags.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No tags. A tag is a key and an optional value, e.g. team = data-platform.
        </p>
      )}
      {tags.map((t, i) => (
        <div key={i} className="flex items-start gap-2">
          <Input
            className="flex-1"
            label={`Tag ${i + 1} key`}
            value={t.key}
            maxLength={128}
            disabled={disabled}
            onChange={(e) => set(i, { key: e.target.value })}
            error={faultRow === i && problem?.field === 'key' ? problem.message : undefined}
          />
          <Input
            className="flex-1"
            label={`Tag ${i + 1} value`}
            value={t.value}
            maxLength={256}
            disabled={disabled}
            onChange={(e) => set(i, { value: e.target.value })}
            error={faultRow === i && problem?.field === 'value' ? problem.message : undefined}
          />
          <Button
            variant="ghost"
            size="sm"
            className="mt-7"
            aria-label={`Remove tag ${i + 1}`}
            disabled={disabled}
            onClick={() => onChange(tags.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      {problem && problem.index === undefined && <p className="text-sm text-red-700 dark:text-red-400">{problem.message}</p>}
      <div className="flex items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={disabled || tags.length >= max}
          onClick={() => onChange([...tags, { key: '', value: '' }])}
        >
          Add tag
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {tagsOf(tags).length} of {max} tags.
        </p>
      </div>
    </div>
  );
}

/** Whether a draft breaks IAM's tag rules (the editor shows where). */
export function tagsInvalid(tags: TagDraft[], max = 50): boolean {
  return tagsProblem(tagsOf(tags), max) !== undefined;
}

/**
 * The tags of an existing user or role: the editor over the saved tags, "Save tags" enabled only when the draft
 * differs, then `save` with the difference. The saved tags come back through `current` (a refetch).
 */
export function TagsPanel({
  current,
  save,
  readOnly,
}: {
  current: TagDraft[];
  save: (changes: { set: TagDraft[]; remove: string[] }) => Promise<void>;
  readOnly?: boolean;
}) {
  const [draft, setDraft] = useState<TagDraft[]>(current);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError>();
  const [saved, setSaved] = useState(false);
  // When the saved tags change (a refetch after saving), the draft starts again from them: adjusted while
  // rendering, as React's "adjusting some state when a prop changes" does.
  const currentKey = JSON.stringify(current);
  const [draftOf, setDraftOf] = useState(currentKey);
  if (draftOf !== currentKey) {
    setDraftOf(currentKey);
    setDraft(JSON.parse(currentKey) as TagDraft[]);
  }
  const changes = useMemo(() => tagChanges(current, tagsOf(draft)), [current, draft]);
  const dirty = changes.set.length + changes.remove.length > 0;
  if (readOnly) {
    return current.length === 0 ? (
      <p className="text-sm text-slate-600 dark:text-slate-300">No tags.</p>
    ) : (
      <ul className="space-y-1 font-mono text-sm">
        {current.map((t) => (
          <li key={t.key}>
            {t.key} = {t.value}
          </li>
        ))}
      </ul>
    );
  }
  const submit = async () => {
    setPending(true);
    setError(undefined);
    setSaved(false);
    try {
      await save(changes);
      setSaved(true);
    } catch (e) {
      setError(actionErrorOf(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="max-w-2xl space-y-3">
      <TagsEditor
        tags={draft}
        onChange={(next) => {
          setSaved(false);
          setDraft(next);
        }}
        disabled={pending}
      />
      {error && <ErrorState error={error} title="The tags were not saved" />}
      {saved && !dirty && <Alert tone="success">Tags saved.</Alert>}
      <div className="flex items-center gap-3">
        <Button onClick={submit} pending={pending} disabled={!dirty || tagsInvalid(draft)}>
          Save tags
        </Button>
        {dirty && (
          <Button variant="ghost" onClick={() => setDraft(current)} disabled={pending}>
            Discard changes
          </Button>
        )}
        {dirty && (
          <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="tags-pending">
            {changes.set.length ? `${changes.set.length} to set` : ''}
            {changes.set.length && changes.remove.length ? ', ' : ''}
            {changes.remove.length ? `${changes.remove.length} to remove` : ''}
          </span>
        )}
      </div>
    </div>
  );
}
