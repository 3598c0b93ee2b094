// The audit trail's own SQLite file (`audit.db` beside `gatehouse.db`): its schema, and the one-time move of the
// events and last-accessed rows that older versions kept in the main database.
import { migrate, openConnection, type SqliteDatabase } from './database';

/** The audit trail's file in a data directory. */
export const AUDIT_DATABASE_FILE = 'audit.db';

/** The audit tables; `PRAGMA user_version` of audit.db counts these steps. Append steps; never edit one that has shipped. */
const AUDIT_MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS audit_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  event_time TEXT NOT NULL,
  event_source TEXT NOT NULL,
  event_name TEXT NOT NULL,
  principal_arn TEXT,
  access_key_id TEXT,
  error_code TEXT,
  source_ip TEXT,
  event TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (event_time);
CREATE INDEX IF NOT EXISTS audit_events_by_principal ON audit_events (principal_arn, event_time);

CREATE TABLE IF NOT EXISTS service_last_accessed (
  principal_arn TEXT NOT NULL,
  service_namespace TEXT NOT NULL,
  last_accessed TEXT NOT NULL,
  last_accessed_entity TEXT,
  last_accessed_region TEXT,
  PRIMARY KEY (principal_arn, service_namespace)
);

CREATE TABLE IF NOT EXISTS action_last_accessed (
  principal_arn TEXT NOT NULL,
  service_namespace TEXT NOT NULL,
  action_name TEXT NOT NULL,
  last_accessed TEXT NOT NULL,
  last_accessed_entity TEXT,
  last_accessed_region TEXT,
  PRIMARY KEY (principal_arn, service_namespace, action_name)
);

-- The last batch each audit writer (one per process run) committed, in the batch's own transaction: a writer
-- restarted after a crash skips the batches its predecessor had committed, so none is written twice.
CREATE TABLE IF NOT EXISTS audit_delivery (
  writer_id TEXT PRIMARY KEY,
  batch INTEGER NOT NULL
);
`,
  },
];

/** The tables of the audit trail (what `wipe` empties in audit.db). */
export const AUDIT_TABLES = ['audit_events', 'service_last_accessed', 'action_last_accessed', 'audit_delivery'] as const;

/** The tables older versions kept in gatehouse.db, moved to audit.db at open. */
const LEGACY_TABLES = ['audit_events', 'service_last_accessed', 'action_last_accessed'];

/**
 * Opens (creating when absent) `audit.db` in `dataDir`: WAL, so the main thread reads while the audit worker
 * writes; synchronous=NORMAL, so a committed batch survives a process crash (SIGKILL).
 */
export function openAuditDatabase(dataDir: string): SqliteDatabase {
  // The trail is written at its end and read newest first, so 2 MiB serves it (measured: the worker's page cache
  // was most of the ~20 MiB it added to the server).
  const db = openConnection(dataDir, AUDIT_DATABASE_FILE, 2048);
  migrate(db, AUDIT_MIGRATIONS);
  return db;
}

/**
 * Moves the audit tables of an older data directory's gatehouse.db into audit.db, then drops them from gatehouse.db
 * (a fresh gatehouse.db has them too: its first migration created them). Events keep their sequence numbers, so
 * nextTokens handed out before the upgrade still page on. The copy commits in audit.db before the drop commits in
 * gatehouse.db; a crash between the two leaves the tables in gatehouse.db and the next open repeats the move, which
 * is idempotent (events already in audit.db are skipped by id, last-accessed rows keep the later time).
 */
export function moveLegacyAuditTables(mainDb: SqliteDatabase, auditDb: SqliteDatabase, mainFile: string): number {
  const present = mainDb
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${LEGACY_TABLES.map((t) => `'${t}'`).join(', ')})`,
    )
    .all()
    .map((r) => r.name);
  if (present.length === 0) return 0;
  let moved = 0;
  const has = (table: string) => present.includes(table);
  const rows = (table: string) => mainDb.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`).get()!.n;
  if (present.some((table) => rows(table) > 0)) {
    auditDb.prepare('ATTACH DATABASE ? AS legacy').run(mainFile);
    try {
      auditDb.transaction(() => {
        if (has('audit_events')) {
          // Events not moved yet keep their sequence number where it is free (always, but after a downgrade and
          // upgrade again); the others are numbered after the newest.
          const columns = 'event_id, event_time, event_source, event_name, principal_arn, access_key_id, error_code, source_ip, event';
          const pending = 'NOT EXISTS (SELECT 1 FROM main.audit_events a WHERE a.event_id = l.event_id)';
          moved = auditDb
            .prepare(
              `INSERT INTO audit_events (seq, ${columns}) SELECT l.seq, ${columns.replace(/(\w+)/g, 'l.$1')} FROM legacy.audit_events l
               WHERE ${pending} AND NOT EXISTS (SELECT 1 FROM main.audit_events a WHERE a.seq = l.seq) ORDER BY l.seq`,
            )
            .run().changes;
          moved += auditDb
            .prepare(
              `INSERT INTO audit_events (${columns}) SELECT ${columns.replace(/(\w+)/g, 'l.$1')} FROM legacy.audit_events l WHERE ${pending} ORDER BY l.seq`,
            )
            .run().changes;
        }
        if (has('service_last_accessed')) {
          auditDb.exec(
            `INSERT INTO service_last_accessed (principal_arn, service_namespace, last_accessed, last_accessed_entity, last_accessed_region)
             SELECT principal_arn, service_namespace, last_accessed, last_accessed_entity, last_accessed_region FROM legacy.service_last_accessed WHERE true
             ON CONFLICT (principal_arn, service_namespace) DO UPDATE SET
               last_accessed = excluded.last_accessed, last_accessed_entity = excluded.last_accessed_entity, last_accessed_region = excluded.last_accessed_region
             WHERE excluded.last_accessed >= service_last_accessed.last_accessed`,
          );
        }
        if (has('action_last_accessed')) {
          auditDb.exec(
            `INSERT INTO action_last_accessed (principal_arn, service_namespace, action_name, last_accessed, last_accessed_entity, last_accessed_region)
             SELECT principal_arn, service_namespace, action_name, last_accessed, last_accessed_entity, last_accessed_region FROM legacy.action_last_accessed WHERE true
             ON CONFLICT (principal_arn, service_namespace, action_name) DO UPDATE SET
               last_accessed = excluded.last_accessed, last_accessed_entity = excluded.last_accessed_entity, last_accessed_region = excluded.last_accessed_region
             WHERE excluded.last_accessed >= action_last_accessed.last_accessed`,
          );
        }
      })();
    } finally {
      auditDb.exec('DETACH DATABASE legacy');
    }
  }
  mainDb.transaction(() => {
    for (const table of present) mainDb.exec(`DROP TABLE "${table}"`);
  })();
  return moved;
}
