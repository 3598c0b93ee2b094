'use server';
// GetCredentialReport: the CSV exactly as IAM returned it (for download) and its rows (for the table).
import { GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { parseCsv } from '@/lib/console/credential-report';

export const getCredentialReport = action(z.object({}), async (_input, { iam }) => {
  const report = await iam.send(new GetCredentialReportCommand({}));
  const content = report.Content;
  const csv = typeof content === 'string' ? content : content ? new TextDecoder().decode(content) : '';
  const rows = parseCsv(csv);
  const columns = csv.split(/\r?\n/, 1)[0]?.split(',') ?? [];
  return { csv, columns, rows, generatedTime: report.GeneratedTime?.toISOString() ?? '' };
});
