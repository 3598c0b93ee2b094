// docs/SUPPORTED.md must list exactly what the operation tables implement.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYZER_OPERATIONS } from '../analyzer/operations';
import { SUPPORTED_SERVICES, supportedOperationsMarkdown } from './supported';

describe('docs/SUPPORTED.md', () => {
  it('is current (regenerate with `npx tsx scripts/supported-operations.ts`)', () => {
    const file = path.resolve(import.meta.dirname, '../../docs/SUPPORTED.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(supportedOperationsMarkdown());
  });

  it.each(SUPPORTED_SERVICES.map((service) => [service.title, service] as const))(
    '%s: every implemented operation is one of the model (none is left out of the list)',
    (_title, service) => {
      expect(service.implemented.filter((name) => !service.modelOperations.includes(name))).toEqual([]);
    },
  );

  it('lists IAM Access Analyzer, its served operations and what the rest answer', () => {
    const markdown = supportedOperationsMarkdown();
    const served = Object.keys(ANALYZER_OPERATIONS);
    expect(markdown).toContain(
      `## IAM Access Analyzer 2019-11-01 (REST-JSON, signing name \`access-analyzer\`) (${served.length} of 39)\n`,
    );
    for (const name of served) expect(markdown).toContain(`- ${name}\n`);
    expect(markdown).toMatch(/Not implemented \(answer `UnknownOperationException`, HTTP 404\): .*CreateAnalyzer/);
  });
});
