// Keyset pagination by name over a table of path-carrying entities (users, groups, roles, policies, ...),
// optionally under a path prefix: the one listing query every IAM List* operation needs.
import type { SqliteDatabase } from './database';
import type { Page } from '../users';

/** Tables with `path` and `name_key` columns that IAM lists by path prefix. */
export type PathTable = 'users' | 'groups' | 'roles' | 'instance_profiles' | 'managed_policies';

export class PathListing<Row extends { name_key: string }, Item> {
  private readonly all;
  private readonly byPrefix;

  constructor(
    db: SqliteDatabase,
    table: PathTable,
    private readonly toItem: (row: Row) => Item,
  ) {
    this.all = db.prepare<[string, number], Row>(`SELECT * FROM ${table} WHERE name_key > ? ORDER BY name_key LIMIT ?`);
    // substr comparison rather than LIKE: paths may contain % and _.
    this.byPrefix = db.prepare<[{ prefix: string; after: string; limit: number }], Row>(
      `SELECT * FROM ${table} WHERE substr(path, 1, length(@prefix)) = @prefix AND name_key > @after ORDER BY name_key LIMIT @limit`,
    );
  }

  /** Items ordered by name ignoring case, after the name key `after`; `next` is set when more follow. */
  list(options: { pathPrefix?: string; after?: string; limit: number }): Page<Item> {
    const after = options.after ?? '';
    const rows =
      options.pathPrefix && options.pathPrefix !== '/'
        ? this.byPrefix.all({ prefix: options.pathPrefix, after, limit: options.limit + 1 })
        : this.all.all(after, options.limit + 1);
    const more = rows.length > options.limit;
    const items = (more ? rows.slice(0, options.limit) : rows).map(this.toItem);
    return { items, next: more ? rows[options.limit - 1].name_key : undefined };
  }
}
