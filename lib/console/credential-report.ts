// The account's credential report (GenerateCredentialReport, then GetCredentialReport), parsed from AWS's CSV.
import 'server-only';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, type IAMClient } from '@aws-sdk/client-iam';

/** One row of the report, keyed by AWS's column names (`user`, `arn`, `mfa_active`, ...). */
export type CredentialReportRow = Record<string, string>;

/** Parses RFC 4180 CSV (quoted fields, doubled quotes) into rows keyed by the header. */
export function parseCsv(text: string): CredentialReportRow[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Generates the report when needed (polling up to ~`waitMs`) and returns its rows. */
export async function loadCredentialReport(iam: IAMClient, waitMs = 8000): Promise<CredentialReportRow[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const state = await iam.send(new GenerateCredentialReportCommand({}));
    if (state.State === 'COMPLETE') break;
    if (Date.now() > deadline)
      throw Object.assign(new Error('The credential report is still being generated. Reload in a moment.'), {
        name: 'ReportInProgress',
        $fault: 'client',
      });
    await sleep(500);
  }
  const report = await iam.send(new GetCredentialReportCommand({}));
  const content = report.Content;
  const text = typeof content === 'string' ? content : content ? new TextDecoder().decode(content) : '';
  return parseCsv(text);
}
