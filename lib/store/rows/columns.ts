// How a record field maps to its column for partial updates, the same in the SQLite and PostgreSQL schemas: each
// store's column-update.ts writes the changed fields of a record with these specs.

/** How a record field is stored: its column, and whether `undefined` clears it (NULL) or leaves it unchanged. */
export interface ColumnSpec {
  column: string;
  /** When true, a field present with `undefined` sets NULL (e.g. removing a boundary); otherwise it is skipped. */
  clearable?: boolean;
}
