'use client';
// A user's tags in the console's one tag editor: TagUser for new and changed keys, UntagUser for removed ones.
import { useQueryClient } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';
import { actionErrorOf, unwrap } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { tagUser } from '@/lib/console/actions/users/tag-user';
import { untagUser } from '@/lib/console/actions/users/untag-user';
import { TagsPanel } from './tags-editor';
import { userKeys, useUserTags } from './use-users';

export function TagsTab({ userName }: { userName: string }) {
  const client = useQueryClient();
  const tags = useUserTags(userName);
  if (tags.isError) return <ErrorState error={actionErrorOf(tags.error)!} title="The tags could not be read" />;
  if (!tags.data) return <LoadingBlock label="Reading tags…" />;
  return (
    <TagsPanel
      current={tags.data.tags}
      save={async ({ set, remove }) => {
        if (remove.length) unwrap(await untagUser({ userName, keys: remove }));
        if (set.length) unwrap(await tagUser({ userName, tags: set }));
        await client.invalidateQueries({ queryKey: userKeys.part(userName, 'tags') });
      }}
    />
  );
}
