'use server';
// CreateUser with a path and tags.
import { CreateUserCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

const tag = z.object({ key: z.string().min(1, 'A tag needs a key.'), value: z.string() });

export const createUser = action(
  z.object({
    userName: z.string().trim().min(1, 'Enter a user name.'),
    path: z.string().trim().default('/'),
    tags: z.array(tag).default([]),
  }),
  async ({ userName, path, tags }, { iam }) => {
    const { User } = await iam.send(
      new CreateUserCommand({
        UserName: userName,
        Path: path || '/',
        Tags: tags.length ? tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
      }),
    );
    return { userName: User!.UserName!, arn: User!.Arn! };
  },
  { fieldNames: { UserName: 'userName', Path: 'path', Tags: 'tags' } },
);
