// GenerateCredentialReport: builds the report (synchronously) unless one younger than four hours exists.
import type { IamOperation } from '../../core/context';
import { CREDENTIAL_REPORT_LIFETIME_MS, credentialReportCsv, gatherCredentialReportData } from './report';

export const generateCredentialReport: IamOperation<'GenerateCredentialReport'> = async (ctx) => {
  const { store } = ctx;
  const existing = await store.credentialReports.get();
  if (existing && ctx.now.getTime() - new Date(existing.generatedTime).getTime() < CREDENTIAL_REPORT_LIFETIME_MS) {
    return { State: 'COMPLETE' };
  }
  const content = credentialReportCsv(await gatherCredentialReportData(store, ctx.principal.accountId, ctx.now));
  await store.credentialReports.put({ generatedTime: ctx.now.toISOString(), content });
  return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
};
