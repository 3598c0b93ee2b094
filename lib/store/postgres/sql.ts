// How the PostgreSQL repositories reach the database: one small interface over either the pool (autocommit, one
// statement at a time) or the client of a unit's transaction.
//
// Statements are unnamed (parsed on every call). Named prepared statements measured ~10 % faster on point reads,
// but a connection keeps their plans, and `SELECT *` plans fail ("cached plan must not change result type") once a
// newer instance has migrated the schema: a rolling upgrade would break the instances still running.
import type pg from 'pg';

/** The statements a repository runs; the same calls outside a unit (autocommit) and inside one (its transaction). */
export interface Sql {
  /** Every row of one statement. */
  rows<R>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** The first row of one statement, if any. */
  row<R>(text: string, values?: readonly unknown[]): Promise<R | undefined>;
  /** Runs one statement; resolves with the number of rows it changed. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
  /** Runs several statements atomically: as part of the unit when inside one, else as a write unit of its own. */
  atomically<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

/** Starts a write unit of the store (with its retries) and runs `fn` on the unit's connection. */
export type WriteUnitRunner = <T>(fn: (sql: Sql) => Promise<T>) => Promise<T>;

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can): a parameter carrying one would fail the statement with 22021,
 * so a request with a NUL in, say, a user name would fail with a server error instead of "no such user". NUL becomes
 * U+FFFD, which no IAM name, ARN or id may contain: lookups still find nothing, and the audit trail keeps the event.
 */
function storable(values: readonly unknown[] | undefined): unknown[] | undefined {
  if (values === undefined) return undefined;
  return values.map((value) =>
    typeof value === 'string'
      ? withoutNul(value)
      : Array.isArray(value)
        ? value.map((item: unknown) => (typeof item === 'string' ? withoutNul(item) : item))
        : value,
  );
}

function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** Statements on the pool: each one autocommits on whichever connection is free. */
export class PoolSql implements Sql {
  constructor(
    private readonly pool: pg.Pool,
    private readonly writeUnit: WriteUnitRunner,
  ) {}

  async rows<R>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return (await this.pool.query(text, storable(values))).rows as R[];
  }

  async row<R>(text: string, values?: readonly unknown[]): Promise<R | undefined> {
    return (await this.rows<R>(text, values))[0];
  }

  async run(text: string, values?: readonly unknown[]): Promise<number> {
    return (await this.pool.query(text, storable(values))).rowCount ?? 0;
  }

  atomically<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.writeUnit(fn);
  }
}

/**
 * Statements on the client of one unit's transaction. Remembers the first statement that failed (after which
 * PostgreSQL refuses every statement of the transaction) so the unit can tell a lost race from the error its
 * function turned it into, and whether any statement wrote (so a rollback tells the caches).
 */
export class ClientSql implements Sql {
  /** The first error a statement of this transaction raised. */
  failure: unknown;
  /** True once a statement other than a SELECT ran. */
  wrote = false;

  constructor(readonly client: pg.PoolClient) {}

  async rows<R>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return (await this.query(text, values)).rows as R[];
  }

  async row<R>(text: string, values?: readonly unknown[]): Promise<R | undefined> {
    return (await this.rows<R>(text, values))[0];
  }

  async run(text: string, values?: readonly unknown[]): Promise<number> {
    return (await this.query(text, values)).rowCount ?? 0;
  }

  atomically<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }

  private async query(text: string, values: readonly unknown[] | undefined): Promise<pg.QueryResult> {
    if (!this.wrote && !/^\s*SELECT\b/i.test(text)) this.wrote = true;
    try {
      return await this.client.query(text, storable(values));
    } catch (error) {
      this.failure ??= error;
      throw error;
    }
  }
}

/** A count of `count(*) AS n` (bigint, parsed to a number by the store's type parsers). */
export async function count(sql: Sql, text: string, values?: readonly unknown[]): Promise<number> {
  return (await sql.row<{ n: number }>(text, values))?.n ?? 0;
}
