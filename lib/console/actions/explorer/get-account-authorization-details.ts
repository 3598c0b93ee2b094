'use server';
// Reads the account's whole authorization picture for the explorer: every page of GetAccountAuthorizationDetails
// (works against real AWS too), reduced to what the explorer evaluates (default policy versions only).
import { GetAccountAuthorizationDetailsCommand, type GetAccountAuthorizationDetailsCommandOutput } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { snapshotFromPages } from '@/lib/explorer/snapshot';
import type { AccountSnapshot } from '@/lib/explorer/types';

/** The account snapshot the explorer evaluates locally in the browser. */
export const getAccountAuthorizationDetails = action(z.object({}), async (_input, { iam, session }): Promise<AccountSnapshot> => {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
  let marker: string | undefined;
  for (let i = 0; i < 10_000; i++) {
    const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: marker, MaxItems: 1000 }));
    pages.push(page);
    if (!page.IsTruncated || !page.Marker) break;
    marker = page.Marker;
  }
  return snapshotFromPages(pages, { accountId: session.principal.accountId, principalArn: session.principal.arn, readAt: new Date().toISOString() });
});
