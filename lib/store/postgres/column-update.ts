// Partial updates of one row: `UPDATE table SET <the changed columns> WHERE key = $n` (as lib/store/sqlite's).
import type { Sql } from './sql';
import type { ColumnSpec } from '../rows/columns';

/** Writes the fields of `changes` that are known columns; no statement runs when nothing changes. */
export async function updateColumns<Field extends string>(
  sql: Sql,
  table: string,
  keyColumn: string,
  fields: Record<Field, ColumnSpec>,
  key: string,
  changes: Partial<Record<Field, unknown>>,
): Promise<void> {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const name of Object.keys(changes) as Field[]) {
    const spec = fields[name];
    if (!spec) continue;
    const value = changes[name];
    if (value === undefined && !spec.clearable) continue;
    values.push(value === undefined ? null : value);
    sets.push(`${spec.column} = $${values.length}`);
  }
  if (sets.length === 0) return;
  values.push(key);
  await sql.run(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${keyColumn} = $${values.length}`, values);
}
