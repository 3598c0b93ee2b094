// PostgreSQL audit repository: batched event inserts, keyset-paginated queries, retention pruning, service last access.
import type { AuditEventRecord, AuditPage, AuditQuery, AuditRepository, ServiceAccessRecord } from '../audit';
import { DENIED_ERROR_CODES } from '../audit';
import { count, type Sql } from './sql';
import { toActionAccessRecord, toServiceAccessRecord, type ActionAccessRow, type ServiceAccessRow } from '../rows/audit';

const DENIED_LIST = DENIED_ERROR_CODES.map((c) => `'${c}'`).join(', ');

/** Upserts of last access: a later time wins, as on SQLite. */
const UPSERT_SERVICE = `INSERT INTO service_last_accessed (principal_arn, service_namespace, last_accessed, last_accessed_entity, last_accessed_region)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (principal_arn, service_namespace) DO UPDATE SET
    last_accessed = excluded.last_accessed,
    last_accessed_entity = excluded.last_accessed_entity,
    last_accessed_region = excluded.last_accessed_region
  WHERE excluded.last_accessed >= service_last_accessed.last_accessed`;
const UPSERT_ACTION = `INSERT INTO action_last_accessed (principal_arn, service_namespace, action_name, last_accessed, last_accessed_entity, last_accessed_region)
  VALUES ($1, $2, $6, $3, $4, $5)
  ON CONFLICT (principal_arn, service_namespace, action_name) DO UPDATE SET
    last_accessed = excluded.last_accessed,
    last_accessed_entity = excluded.last_accessed_entity,
    last_accessed_region = excluded.last_accessed_region
  WHERE excluded.last_accessed >= action_last_accessed.last_accessed`;

/** Rows in key order, so concurrent flushes of two instances lock the same rows in the same order. */
function byKey(a: ServiceAccessRecord, b: ServiceAccessRecord): number {
  const ka = `${a.principalArn}\u0000${a.serviceNamespace}\u0000${a.actionName ?? ''}`;
  const kb = `${b.principalArn}\u0000${b.serviceNamespace}\u0000${b.actionName ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export class PostgresAuditRepository implements AuditRepository {
  constructor(private readonly sql: Sql) {}

  /** Events in one statement, in the given order (an existing event id is skipped), then last-access upserts; all in one transaction. */
  private insertBatch(events: AuditEventRecord[], access: ServiceAccessRecord[]): Promise<void> {
    return this.sql.atomically(async (sql) => {
      if (events.length > 0) {
        const column = <K extends keyof AuditEventRecord>(key: K) => events.map((event) => event[key] ?? null);
        await sql.run(
          `INSERT INTO audit_events (event_id, event_time, event_source, event_name, principal_arn, access_key_id, error_code, source_ip, event)
           SELECT i, t, s, n, p, k, c, a, e
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
             WITH ORDINALITY AS batch (i, t, s, n, p, k, c, a, e, position)
           ORDER BY position
           ON CONFLICT (event_id) DO NOTHING`,
          [
            column('eventId'),
            column('eventTime'),
            column('eventSource'),
            column('eventName'),
            column('principalArn'),
            column('accessKeyId'),
            column('errorCode'),
            column('sourceIp'),
            column('event'),
          ],
        );
      }
      for (const record of [...access].sort(byKey)) {
        const values = [
          record.principalArn,
          record.serviceNamespace,
          record.lastAccessed,
          record.lastAccessedEntity ?? null,
          record.lastAccessedRegion ?? null,
        ];
        if (record.actionName === undefined) await sql.run(UPSERT_SERVICE, values);
        else await sql.run(UPSERT_ACTION, [...values, record.actionName]);
      }
    });
  }

  async insertMany(events: AuditEventRecord[]): Promise<void> {
    if (events.length > 0) await this.insertBatch(events, []);
  }

  async write(events: AuditEventRecord[], access: ServiceAccessRecord[]): Promise<void> {
    if (events.length > 0 || access.length > 0) await this.insertBatch(events, access);
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.beforeSeq !== undefined) where.push(`seq < ${param(query.beforeSeq)}`);
    if (query.startTime) where.push(`event_time >= ${param(query.startTime)}`);
    if (query.endTime) where.push(`event_time <= ${param(query.endTime)}`);
    if (query.eventName) where.push(`event_name = ${param(query.eventName)}`);
    if (query.principalArn) {
      const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(query.principalArn);
      if (role) {
        const sessions = `arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3].replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
        where.push(`(principal_arn = ${param(query.principalArn)} OR principal_arn LIKE ${param(sessions)} ESCAPE '\\')`);
      } else {
        where.push(`principal_arn = ${param(query.principalArn)}`);
      }
    }
    if (query.outcome === 'success') where.push('error_code IS NULL');
    else if (query.outcome === 'denied') where.push(`error_code IN (${DENIED_LIST})`);
    else if (query.outcome === 'error') where.push(`error_code IS NOT NULL AND error_code NOT IN (${DENIED_LIST})`);
    const limit = param(query.limit + 1);
    const rows = await this.sql.rows<{ seq: number; event: string }>(
      `SELECT seq, event FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${limit}`,
      params,
    );
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    return { events: page.map((r) => r.event), nextSeq: more ? page[page.length - 1].seq : undefined };
  }

  pruneOlderThan(eventTime: string): Promise<number> {
    return this.sql.run('DELETE FROM audit_events WHERE event_time < $1', [eventTime]);
  }

  /** Keeps the newest `maxEvents` by sequence number (exactly: sequence numbers may have gaps here). */
  pruneToCount(maxEvents: number): Promise<number> {
    return this.sql.run('DELETE FROM audit_events WHERE seq <= (SELECT seq FROM audit_events ORDER BY seq DESC OFFSET $1 LIMIT 1)', [
      Math.max(maxEvents, 0),
    ]);
  }

  count(): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM audit_events');
  }

  async recordServiceAccess(records: ServiceAccessRecord[]): Promise<void> {
    if (records.length > 0) await this.insertBatch([], records);
  }

  async listActionAccess(principalArns: string[], serviceNamespace: string): Promise<ServiceAccessRecord[]> {
    if (principalArns.length === 0) return [];
    const rows = await this.sql.rows<ActionAccessRow>(
      `SELECT principal_arn, action_name, last_accessed, last_accessed_entity, last_accessed_region FROM action_last_accessed
       WHERE service_namespace = $1 AND principal_arn = ANY($2::text[])`,
      [serviceNamespace, principalArns],
    );
    return rows.map((row) => toActionAccessRecord(row, serviceNamespace));
  }

  async listServiceAccess(principalArns: string[]): Promise<ServiceAccessRecord[]> {
    if (principalArns.length === 0) return [];
    const rows = await this.sql.rows<ServiceAccessRow>(
      `SELECT principal_arn, service_namespace, last_accessed, last_accessed_entity, last_accessed_region
       FROM service_last_accessed WHERE principal_arn = ANY($1::text[])`,
      [principalArns],
    );
    return rows.map(toServiceAccessRecord);
  }
}
