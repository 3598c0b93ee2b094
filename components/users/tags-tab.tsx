'use client';
// A user's tags: edit the list, then save (TagUser for new and changed, UntagUser for removed keys).
import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, unwrap } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { useQueryClient } from '@tanstack/react-query';
import { tagUser } from '@/lib/console/actions/users/tag-user';
import { untagUser } from '@/lib/console/actions/users/untag-user';
import type { ActionError } from '@/lib/console/result';
import { TagsEditor, type TagDraft } from './tags-editor';
import { userKeys, useUserTags } from './use-users';

export function TagsTab({ userName }: { userName: string }) {
  const client = useQueryClient();
  const tags = useUserTags(userName);
  const [draft, setDraft] = useState<TagDraft[]>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (tags.data && draft === undefined) setDraft(tags.data.tags);
  }, [tags.data, draft]);

  if (tags.isPending || !draft) return tags.isError ? <ErrorState error={actionErrorOf(tags.error)!} /> : <LoadingBlock label="Reading tags…" />;
  const save = async () => {
    setPending(true);
    setError(undefined);
    setSaved(false);
    try {
      const before = new Map(tags.data!.tags.map((t) => [t.key, t.value]));
      const after = draft.filter((t) => t.key.trim()).map((t) => ({ key: t.key.trim(), value: t.value }));
      const keys = new Set(after.map((t) => t.key));
      const removed = [...before.keys()].filter((k) => !keys.has(k));
      const changed = after.filter((t) => before.get(t.key) !== t.value);
      if (removed.length) unwrap(await untagUser({ userName, keys: removed }));
      if (changed.length) unwrap(await tagUser({ userName, tags: changed }));
      await client.invalidateQueries({ queryKey: userKeys.part(userName, 'tags') });
      setDraft(undefined);
      setSaved(true);
    } catch (e) {
      setError(actionErrorOf(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="max-w-2xl space-y-3">
      <TagsEditor tags={draft} onChange={setDraft} />
      {error && <ErrorState error={error} title="The tags were not saved" />}
      {saved && <Alert tone="success">Tags saved.</Alert>}
      <Button onClick={save} pending={pending}>
        Save tags
      </Button>
    </div>
  );
}
