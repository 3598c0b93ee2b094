// Store-neutral recognition of driver errors that operations map to AWS errors (e.g. a lost race on a unique name).

/**
 * True when `error` is a unique-constraint violation of the underlying database (SQLite's
 * `SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY`, PostgreSQL's `23505`). Operations check names before inserting;
 * this catches the race that slips between the check and the insert.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
