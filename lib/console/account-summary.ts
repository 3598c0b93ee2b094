// The account summary (iam:GetAccountSummary) read once per request: the dashboard's figures and its security
// recommendations both use it, and the audit trail should show one call per page load.
import 'server-only';
import { GetAccountSummaryCommand, type IAMClient } from '@aws-sdk/client-iam';
import { cache } from 'react';
import { attempt } from './action';

/** GetAccountSummary's map through this client, shared by every caller of the same request and client. */
export const readAccountSummary = cache((iam: IAMClient) =>
  attempt(async () => ((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {}) as Record<string, number>),
);
