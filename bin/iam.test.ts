// bin/iam.mjs: the standalone server's bundle is kept all-ASCII where that is safe (V8 then stores it as one byte a character).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asciiOnly, IAM_NODE_ENV, IAM_NODE_FLAGS } from './iam.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-iam-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function written(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  asciiOnly(file);
  return fs.readFileSync(file, 'utf8');
}

describe('asciiOnly', () => {
  it('replaces non-ASCII characters on comment lines', () => {
    const text = ['/**', ' * `postgres://…`: a comment — kept', ' */', '// naïve', 'const a = "\\u2026";', '  /* é */ const b = 1;'].join(
      '\n',
    );
    const out = written('comments.mjs', text);
    expect(out).toBe(
      ['/**', ' * `postgres://?`: a comment ? kept', ' */', '// na?ve', 'const a = "\\u2026";', '  /* ? */ const b = 1;'].join('\n'),
    );
  });

  it('leaves a bundle alone when a non-ASCII character is outside a comment line', () => {
    const text = '// café\nconst pattern = /…/;\n';
    expect(written('code.mjs', text)).toBe(text);
  });

  it('leaves an all-ASCII bundle untouched', () => {
    const text = 'const a = 1;\n';
    expect(written('ascii.mjs', text)).toBe(text);
  });
});

describe('IAM_NODE_FLAGS and IAM_NODE_ENV', () => {
  it('bound the young generation, the old generation growth and malloc arenas and set the tier-up budget, as package.json runs the server', () => {
    const script = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).scripts.iam as string;
    const env = Object.entries(IAM_NODE_ENV).map(([name, value]) => `${name}=\${${name}:-${value}}`);
    expect(script).toBe(`${env.join(' ')} node ${IAM_NODE_FLAGS.join(' ')} bin/iam.mjs`);
  });
});
