// The tables whose rows are counted by triggers into `entity_counts` (SQLite migration 5, PostgreSQL migration 2),
// and the one-row read that replaces `count(*)` for quota checks, the same on both stores.
export type CountedTable = 'users' | 'groups' | 'roles' | 'managed_policies' | 'instance_profiles' | 'server_certificates' | 'mfa_devices';

/** The number of rows of a counted table, read from `entity_counts` (a missing row counts 0). */
export function countedRowsSql(table: CountedTable): string {
  return `SELECT coalesce((SELECT n FROM entity_counts WHERE kind = '${table}'), 0) AS n`;
}
