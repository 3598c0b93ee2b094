// Start-up check: better-sqlite3's native driver is built by its install script, which a newer npm skips unless
// package.json's allowScripts approves it. Without the driver Gatehouse cannot open its database, so say so plainly.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads better-sqlite3 and opens an in-memory database (the native binding loads on the first open).
 * Returns undefined when the driver works, else a message saying what is wrong and how to fix it.
 */
export function nativeDriverProblem(load = () => require('better-sqlite3')) {
  try {
    const Database = load();
    new Database(':memory:').close();
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [
      "Gatehouse cannot start: better-sqlite3's native SQLite driver is missing or was built for another Node.js.",
      `  (${reason})`,
      '  Its install script compiles the driver; it runs only when package.json\'s "allowScripts" approves it',
      '  (better-sqlite3 is approved there). Rebuild it with: npm rebuild better-sqlite3',
      '  (needs python3, make and a C++ compiler: apt-get install -y python3 make g++).',
    ].join('\n');
  }
}

/** Exits the process with the message when the driver is not usable. */
export function requireNativeDriver() {
  const problem = nativeDriverProblem();
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}
