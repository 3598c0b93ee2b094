// What the SQLite repositories of users, groups and roles share: a row by name (unique ignoring case, through its
// `name_key` column) or by id, pages by path, partial updates (a new name moves its `name_key` along), deletion and
// the count the account's quotas read.
import type { SqliteDatabase } from './database';
import { PathListing } from './path-listing';
import { ColumnUpdater, type ColumnSpec } from './column-update';
import type { Page } from '../users';
import { countedRowsSql } from '../entity-counts';

export interface NamedEntityTableSpec<Row, Item, Field extends string> {
  table: 'users' | 'groups' | 'roles';
  /** The primary key column (`user_id`, ...). */
  idColumn: string;
  /** The columns `update` may change, by field. */
  columns: Record<Field, ColumnSpec>;
  toItem: (row: Row) => Item;
  /** The field holding the name, when the entity can be renamed: its `nameKey` is written with it. */
  nameField?: Field;
}

export abstract class NamedEntityTable<Row extends { name_key: string }, Item, Field extends string> {
  private readonly byName;
  private readonly byId;
  private readonly listing;
  private readonly updater;
  private readonly countStatement;
  private readonly deleteStatement;
  private readonly toItem: (row: Row) => Item;
  private readonly nameField: Field | undefined;

  constructor(db: SqliteDatabase, spec: NamedEntityTableSpec<Row, Item, Field>) {
    const { table, idColumn } = spec;
    this.toItem = spec.toItem;
    this.nameField = spec.nameField;
    this.byName = db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE name_key = ?`);
    this.byId = db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE ${idColumn} = ?`);
    this.listing = new PathListing(db, table, spec.toItem);
    this.updater = new ColumnUpdater(db, table, idColumn, spec.columns);
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql(table));
    this.deleteStatement = db.prepare(`DELETE FROM ${table} WHERE ${idColumn} = ?`);
  }

  async getByName(name: string): Promise<Item | undefined> {
    const row = this.byName.get(name.toLowerCase());
    return row && this.toItem(row);
  }

  async getById(id: string): Promise<Item | undefined> {
    const row = this.byId.get(id);
    return row && this.toItem(row);
  }

  async list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<Item>> {
    return this.listing.list(options);
  }

  async update(id: string, changes: Partial<Record<Field, unknown>>): Promise<void> {
    const name = this.nameField === undefined ? undefined : changes[this.nameField];
    this.updater.update(id, typeof name === 'string' ? { ...changes, nameKey: name.toLowerCase() } : changes);
    this.written();
  }

  async delete(id: string): Promise<void> {
    this.deleteStatement.run(id);
    this.written();
  }

  /** Called after each write of the table through this class (a repository that caches rows forgets them). */
  protected written(): void {}

  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }
}
