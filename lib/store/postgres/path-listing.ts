// Keyset pagination by name over a table of path-carrying entities (users, groups, roles, policies, ...),
// optionally under a path prefix: the one listing query every IAM List* operation needs (as lib/store/sqlite's).
import type { Page } from '../users';
import type { Sql } from './sql';

/** Tables with `path` and `name_key` columns that IAM lists by path prefix. */
export type PathTable = 'users' | 'groups' | 'roles' | 'instance_profiles' | 'managed_policies';

/** Items ordered by name ignoring case, after the name key `after`; `next` is set when more follow. */
export async function listByPath<Row extends { name_key: string }, Item>(
  sql: Sql,
  table: PathTable,
  toItem: (row: Row) => Item,
  options: { pathPrefix?: string; after?: string; limit: number },
): Promise<Page<Item>> {
  const after = options.after ?? '';
  const rows =
    options.pathPrefix && options.pathPrefix !== '/'
      ? // substr comparison rather than LIKE: paths may contain % and _.
        await sql.rows<Row>(`SELECT * FROM ${table} WHERE substr(path, 1, length($1)) = $1 AND name_key > $2 ORDER BY name_key LIMIT $3`, [
          options.pathPrefix,
          after,
          options.limit + 1,
        ])
      : await sql.rows<Row>(`SELECT * FROM ${table} WHERE name_key > $1 ORDER BY name_key LIMIT $2`, [after, options.limit + 1]);
  const more = rows.length > options.limit;
  const items = (more ? rows.slice(0, options.limit) : rows).map(toItem);
  return { items, next: more ? rows[options.limit - 1].name_key : undefined };
}
