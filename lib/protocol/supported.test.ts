// docs/SUPPORTED.md must list exactly what the operation tables implement.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedOperationsMarkdown } from './supported';

describe('docs/SUPPORTED.md', () => {
  it('is current (regenerate with `npx tsx scripts/supported-operations.ts`)', () => {
    const file = path.resolve(import.meta.dirname, '../../docs/SUPPORTED.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(supportedOperationsMarkdown());
  });
});
