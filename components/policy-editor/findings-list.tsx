// The validation findings of a policy, grouped by severity; each one jumps to its place in the editor.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Finding } from '@/lib/policy';

const SEVERITY: Record<Finding['severity'], { label: string; tone: BadgeTone; order: number }> = {
  error: { label: 'Error', tone: 'danger', order: 0 },
  security_warning: { label: 'Security warning', tone: 'warning', order: 1 },
  warning: { label: 'Warning', tone: 'warning', order: 2 },
  suggestion: { label: 'Suggestion', tone: 'info', order: 3 },
};

/** Findings as a list (errors first); `onSelect` moves the editor's selection to the finding. */
export function FindingsList({ findings, onSelect }: { findings: Finding[]; onSelect?: (finding: Finding) => void }) {
  if (findings.length === 0) {
    return (
      <p className="text-sm text-green-800 dark:text-green-300" data-testid="policy-findings" role="status">
        No findings: the policy is valid.
      </p>
    );
  }
  const sorted = [...findings].sort(
    (a, b) => SEVERITY[a.severity].order - SEVERITY[b.severity].order || (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0),
  );
  const counts = (Object.keys(SEVERITY) as Finding['severity'][])
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  return (
    <section aria-label="Policy validation findings" data-testid="policy-findings" className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-300" role="status">
        {counts.map(([s, n]) => `${n} ${SEVERITY[s].label.toLowerCase()}${n > 1 ? 's' : ''}`).join(', ')}
      </p>
      <ul className="max-h-48 space-y-1 overflow-y-auto text-sm">
        {sorted.map((f, i) => (
          <li key={`${f.code}-${i}`} className="flex items-start gap-2">
            <Badge tone={SEVERITY[f.severity].tone} className="shrink-0">
              {SEVERITY[f.severity].label}
            </Badge>
            {f.range && onSelect ? (
              <button type="button" className="text-left hover:underline focus:underline" onClick={() => onSelect(f)}>
                <span className="text-slate-500 tabular-nums dark:text-slate-400">
                  Line {f.range.start.line}, col {f.range.start.column}:
                </span>{' '}
                {f.message}
              </button>
            ) : (
              <span>{f.message}</span>
            )}
            {/* The issue code ValidatePolicy reports for the same finding. */}
            <code className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{f.code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** True when any finding is an error (IAM would reject the document). */
export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
