// Follows an SDK paginator to the end (every page, no silent truncation) and gathers one list from each page.
import 'server-only';
import { awsErrorCode } from '@/lib/console/errors';

/** All items of every page: `await collect(paginateListUsers({ client: iam, pageSize: 1000 }, {}), (p) => p.Users)`. */
export async function collect<Page, Item>(pages: AsyncIterable<Page>, items: (page: Page) => Item[] | undefined): Promise<Item[]> {
  const all: Item[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** True when the endpoint does not offer the operation (e.g. SSH keys on an embedded service): treat as none. */
export function isUnsupportedOperation(error: unknown): boolean {
  return ['InvalidAction', 'UnknownOperation', 'NotImplemented', 'UnsupportedOperation'].includes(awsErrorCode(error));
}

/** A user name as IAM accepts it (the API gives the exact validation message for anything subtler). */
export const USER_NAME = /^[\w+=,.@-]{1,64}$/;
