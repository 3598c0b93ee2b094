// GetCredentialReport: the stored report as base64 CSV, or ReportNotPresent / ReportExpired (after four hours).
import { ReportExpired, ReportNotPresent } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { CREDENTIAL_REPORT_LIFETIME_MS } from './report';

export const getCredentialReport: IamOperation<'GetCredentialReport'> = async (ctx) => {
  const report = await ctx.store.credentialReports.get();
  if (!report) throw new ReportNotPresent('Report is not present. Call GenerateCredentialReport to generate a report.');
  if (ctx.now.getTime() - new Date(report.generatedTime).getTime() >= CREDENTIAL_REPORT_LIFETIME_MS) {
    throw new ReportExpired('Report is expired. Call GenerateCredentialReport to generate a new report.');
  }
  return {
    // A blob: base64 on the wire, decoded by clients into the CSV bytes.
    Content: Buffer.from(report.content, 'utf8').toString('base64'),
    ReportFormat: 'text/csv',
    GeneratedTime: report.generatedTime,
  };
};
