// Validation findings as CodeMirror lint diagnostics (ranges clamped to the document, severities mapped).
import type { Diagnostic } from '@codemirror/lint';
import type { Finding } from '@/lib/policy';

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: 'Error',
  security_warning: 'Security warning',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

/** Findings as CodeMirror diagnostics (findings without a position appear only in the list). */
export function toDiagnostics(findings: Finding[], length: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    if (!f.range) continue;
    const from = Math.min(Math.max(0, f.range.start.offset), length);
    const to = Math.min(Math.max(from, f.range.end.offset), length);
    diagnostics.push({
      from,
      to,
      severity: f.severity === 'error' ? 'error' : f.severity === 'suggestion' ? 'info' : 'warning',
      markClass: f.severity === 'security_warning' ? 'cm-lintRange-security' : undefined,
      source: SEVERITY_LABEL[f.severity],
      message: f.message,
    });
  }
  return diagnostics;
}
