'use server';
// Reads the account's whole authorization picture for the explorer: every page of GetAccountAuthorizationDetails
// (works against real AWS too), reduced to what the explorer evaluates (default policy versions only), and the
// credential report (MFA, console and key use) for the risks.
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { parseCredentialReport, snapshotFromPages } from '@/lib/explorer/snapshot';
import type { AccountSnapshot, CredentialReport } from '@/lib/explorer/types';

/** The credential report (generated if needed, a few short waits at most), or why it could not be read. */
async function credentialReport(iam: IAMClient): Promise<CredentialReport> {
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      const state = await iam.send(new GenerateCredentialReportCommand({}));
      if (state.State === 'COMPLETE') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const report = await iam.send(new GetCredentialReportCommand({}));
    const content = report.Content ? new TextDecoder().decode(report.Content) : '';
    return parseCredentialReport(content, (report.GeneratedTime ?? new Date()).toISOString());
  } catch (error) {
    const code = (error as { name?: string }).name ?? 'Error';
    return { error: `${code}: ${(error as Error).message}` };
  }
}

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
  const snapshot = snapshotFromPages(pages, {
    accountId: session.principal.accountId,
    principalArn: session.principal.arn,
    readAt: new Date().toISOString(),
  });
  snapshot.credentialReport = await credentialReport(iam);
  return snapshot;
});
