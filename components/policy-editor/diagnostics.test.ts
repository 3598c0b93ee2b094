// Findings become lint diagnostics at their source ranges with the editor's severities.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '@/lib/policy';
import { toDiagnostics } from './diagnostics';

describe('toDiagnostics', () => {
  it('marks an invalid Effect at its value as an error', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Alow","Action":"s3:GetObject","Resource":"*"}]}';
    const diagnostics = toDiagnostics(validatePolicy(text, { policyType: 'identity' }), text.length);
    const effect = diagnostics.find((d) => d.message.includes('Alow'))!;
    expect(effect.severity).toBe('error');
    expect(text.slice(effect.from, effect.to)).toBe('"Alow"');
  });

  it('maps security warnings to warnings with their own mark, suggestions to info, and clamps ranges', () => {
    const diagnostics = toDiagnostics(
      [
        {
          severity: 'security_warning',
          code: 'X',
          message: 'broad',
          range: { start: { offset: 2, line: 1, column: 3 }, end: { offset: 50, line: 1, column: 51 } },
        },
        {
          severity: 'suggestion',
          code: 'Y',
          message: 'redundant',
          range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } },
        },
        { severity: 'warning', code: 'Z', message: 'no range' },
      ],
      10,
    );
    expect(diagnostics).toEqual([
      { from: 2, to: 10, severity: 'warning', markClass: 'cm-lintRange-security', source: 'Security warning', message: 'broad' },
      { from: 0, to: 1, severity: 'info', markClass: undefined, source: 'Suggestion', message: 'redundant' },
    ]);
  });
});
