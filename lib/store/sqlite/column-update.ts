// Partial updates of one row: `UPDATE table SET <the changed columns> WHERE key = ?`, prepared once per set
// of columns instead of on every call.
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';
import type { ColumnSpec as SharedColumnSpec } from '../rows/columns';

/** A column spec of lib/store/rows, and on SQLite optionally how its value is written. */
export interface ColumnSpec extends SharedColumnSpec {
  /** Converts the value for SQLite (e.g. booleans to 0/1). */
  encode?: (value: unknown) => unknown;
}

export class ColumnUpdater<Field extends string> {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly table: string,
    private readonly keyColumn: string,
    private readonly fields: Record<Field, ColumnSpec>,
  ) {}

  /** Writes the fields of `changes` that are known columns; no statement runs when nothing changes. */
  update(key: string, changes: Partial<Record<Field, unknown>>): void {
    const names: Field[] = [];
    const values: unknown[] = [];
    for (const name of Object.keys(changes) as Field[]) {
      const spec = this.fields[name];
      if (!spec) continue;
      const value = changes[name];
      if (value === undefined && !spec.clearable) continue;
      names.push(name);
      values.push(value === undefined ? null : spec.encode ? spec.encode(value) : value);
    }
    if (names.length === 0) return;
    const signature = names.join(',');
    let statement = this.statements.get(signature);
    if (!statement) {
      const sets = names.map((name) => `${this.fields[name].column} = ?`).join(', ');
      statement = this.db.prepare(`UPDATE ${this.table} SET ${sets} WHERE ${this.keyColumn} = ?`);
      this.statements.set(signature, statement);
    }
    statement.run(...values, key);
  }
}
