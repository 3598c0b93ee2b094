import { describe, expect, it } from 'vitest';
import { nativeDriverProblem } from './native-driver.mjs';

describe('the start-up check of the native SQLite driver', () => {
  it('passes when better-sqlite3 opens a database', () => {
    expect(nativeDriverProblem()).toBeUndefined();
  });

  it('names the package and the fix when the binding cannot be loaded', () => {
    const problem = nativeDriverProblem(() => {
      throw new Error('Could not locate the bindings file. Tried:\n → .../build/Release/better_sqlite3.node');
    });
    expect(problem).toContain("better-sqlite3's native SQLite driver is missing");
    expect(problem).toContain('Could not locate the bindings file. Tried:');
    expect(problem).not.toContain('better_sqlite3.node');
    expect(problem).toContain('npm rebuild better-sqlite3');
  });

  it('fails when the driver loads but cannot open a database', () => {
    const problem = nativeDriverProblem(
      () =>
        function Database() {
          throw new Error('The module was compiled against a different Node.js version (NODE_MODULE_VERSION 127)');
        },
    );
    expect(problem).toContain('NODE_MODULE_VERSION 127');
  });
});
