// Which store the integration suite runs against: SQLite (the default) or PostgreSQL (`GATEHOUSE_TEST_STORE=postgres`).
// With PostgreSQL, vitest's global setup (e2e/support/postgres-global-setup.ts) starts one throwaway cluster per run
// and every test server gets a fresh database of its own on it, created here and dropped when the server stops.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';

export type TestStoreKind = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's maintenance URL (`postgres://…/gatehouse`) when the run is on PostgreSQL, else ''. */
    gatehousePostgresUrl: string;
  }
}

/** The store this run tests: `GATEHOUSE_TEST_STORE=postgres` selects PostgreSQL; anything else (or unset) is SQLite. */
export function testStore(): TestStoreKind {
  const value = (process.env.GATEHOUSE_TEST_STORE ?? '').trim().toLowerCase();
  if (value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql') return 'postgres';
  throw new Error(`GATEHOUSE_TEST_STORE must be "sqlite" or "postgres", not "${value}"`);
}

export const onPostgres = testStore() === 'postgres';

let counter = 0;

/** The URL of the run's cluster (its `gatehouse` database); throws when the run is not on PostgreSQL. */
export function clusterUrl(): string {
  const url = inject('gatehousePostgresUrl');
  if (!url) throw new Error('no PostgreSQL cluster: run with GATEHOUSE_TEST_STORE=postgres and vitest.integration.config.mts');
  return url;
}

/**
 * The secrets every instance on one PostgreSQL database must share (GATEHOUSE_MASTER_KEY seals secrets in the
 * database; NEXTAUTH_SECRET encrypts console sessions): fresh random ones, to be reused for every start on that database.
 */
export function sharedSecrets(): { GATEHOUSE_MASTER_KEY: string; NEXTAUTH_SECRET: string } {
  return { GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'), NEXTAUTH_SECRET: randomBytes(32).toString('base64') };
}

/** Creates an empty database on the run's cluster and returns its URL. */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const base = clusterUrl();
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, closing whatever connections are still open on it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: clusterUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Runs one query on a test database (for tests that look at what was stored, as others read the SQLite file). */
export async function queryTestDatabase<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
