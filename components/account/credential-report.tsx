'use client';
// The credential report: GenerateCredentialReport polled until COMPLETE (with progress), then the report as a
// table (every row, a page at a time) and the CSV downloaded exactly as IAM returned it.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { unwrap, actionErrorOf } from '@/components/ui/query';
import { ProgressBar } from '@/components/ui/spinner';
import { downloadText } from '@/components/users/credentials-csv';
import { generateCredentialReport } from '@/lib/console/actions/account/generate-credential-report';
import { getCredentialReport } from '@/lib/console/actions/account/get-credential-report';
import type { ActionError } from '@/lib/console/result';
import { formatTime } from '@/components/ui/time';

/** The report as IAM returned it, and when it arrived (rendering reads no clock). */
type Report = { csv: string; columns: string[]; rows: Array<Record<string, string>>; generatedTime: string; receivedAt: number };

const PAGE = 100;
/** IAM hands back the same report when asked again within four hours of generating it. */
const REUSE_MS = 4 * 60 * 60 * 1000;
const utc = (ms: number) => formatTime(ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function CredentialReport() {
  const [state, setState] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError>();
  const [report, setReport] = useState<Report>();
  const [page, setPage] = useState(0);
  const [reused, setReused] = useState(false);

  const generate = async () => {
    const askedAt = Date.now();
    setBusy(true);
    setError(undefined);
    try {
      for (let attempt = 0; ; attempt++) {
        const result = unwrap(await generateCredentialReport({}));
        setState(result.state);
        if (result.state === 'COMPLETE') break;
        if (attempt > 120) throw new Error('The report is taking too long; try again in a minute.');
        await sleep(1000);
      }
      const next = unwrap(await getCredentialReport({}));
      // Generated before this request was made (with a minute's grace for clock skew): IAM returned an earlier one.
      setReused(Date.parse(next.generatedTime) < askedAt - 60_000);
      setReport({ ...next, receivedAt: Date.now() });
      setPage(0);
    } catch (e) {
      setError(actionErrorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const pages = report ? Math.max(1, Math.ceil(report.rows.length / PAGE)) : 0;
  const rows = report ? report.rows.slice(page * PAGE, (page + 1) * PAGE) : [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={generate} pending={busy}>
          {report ? 'Generate again' : 'Generate credential report'}
        </Button>
        {report && (
          <Button
            variant="secondary"
            onClick={() => downloadText(`credential-report-${report.generatedTime.slice(0, 19).replace(/[:T]/g, '-')}.csv`, report.csv)}
          >
            Download .csv
          </Button>
        )}
      </div>
      {busy && (
        <div className="space-y-1">
          <ProgressBar label="Generating the credential report" />
          <p className="text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
            {state === 'COMPLETE'
              ? 'Reading the report…'
              : state
                ? `IAM says the report is ${state.toLowerCase().replace('inprogress', 'in progress')}…`
                : 'Asking IAM for the report…'}
          </p>
        </div>
      )}
      {error && <ErrorState error={error} title="The credential report could not be read" />}
      {report && (
        <div className="space-y-2">
          <p className="text-sm" aria-live="polite" data-testid="credential-report-generated">
            Generated {utc(Date.parse(report.generatedTime))} · {report.rows.length} rows
            {reused && <> · reused: IAM returns the report it generated within the last 4 hours</>}
          </p>
          {Date.parse(report.generatedTime) + REUSE_MS > report.receivedAt && (
            <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="credential-report-next">
              “Generate again” returns this same report until {utc(Date.parse(report.generatedTime) + REUSE_MS)}; IAM generates a fresh one
              only after that.
            </p>
          )}
          <div className="max-h-[60vh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <table className="w-full border-collapse text-left text-xs" aria-label="Credential report">
              <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
                <tr>
                  {report.columns.map((c) => (
                    <th key={c} scope="col" className="whitespace-nowrap px-2 py-1 font-mono font-semibold">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {rows.map((r, i) => (
                  <tr key={`${r.arn ?? ''}-${i}`} data-testid="credential-report-row">
                    {report.columns.map((c) => (
                      <td key={c} className="whitespace-nowrap px-2 py-1 font-mono">
                        {r[c]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <div className="flex items-center gap-2 text-sm">
              <Button size="sm" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <Button size="sm" variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
