// PostgreSQL implementation of the MFA devices repository (table mfa_devices).
import type { MfaAssignmentStatus, MfaDeviceRecord, MfaDeviceRepository } from '../mfa-devices';
import { count, type Sql } from './sql';
import { countedRowsSql } from '../entity-counts';
import { toMfaDeviceRecord, type MfaDeviceRow } from '../rows/mfa-devices';

const ASSIGNED = '(user_id IS NOT NULL OR is_root)';
const FILTERS: Record<MfaAssignmentStatus, string> = {
  Any: 'true',
  Assigned: ASSIGNED,
  Unassigned: `NOT ${ASSIGNED}`,
};

export class PostgresMfaDeviceRepository implements MfaDeviceRepository {
  constructor(private readonly sql: Sql) {}

  async insert(d: MfaDeviceRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO mfa_devices (serial_number, device_name, path, seed_encrypted, user_id, is_root, enable_date, last_used_step, create_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        d.serialNumber,
        d.deviceName,
        d.path,
        d.seedEncrypted,
        d.userId ?? null,
        d.isRoot,
        d.enableDate ?? null,
        d.lastUsedStep ?? null,
        d.createDate,
      ],
    );
  }

  /** Lookup by serial number ignoring ASCII case (SQLite's NOCASE; lower() of a "C" column folds ASCII only). */
  async get(serialNumber: string): Promise<MfaDeviceRecord | undefined> {
    const row = await this.sql.row<MfaDeviceRow>('SELECT * FROM mfa_devices WHERE lower(serial_number) = lower($1::text COLLATE "C")', [
      serialNumber,
    ]);
    return row && toMfaDeviceRecord(row);
  }

  async listForUser(userId: string | undefined): Promise<MfaDeviceRecord[]> {
    const rows =
      userId === undefined
        ? await this.sql.rows<MfaDeviceRow>('SELECT * FROM mfa_devices WHERE is_root ORDER BY enable_date, serial_number')
        : await this.sql.rows<MfaDeviceRow>('SELECT * FROM mfa_devices WHERE user_id = $1 ORDER BY enable_date, serial_number', [userId]);
    return rows.map(toMfaDeviceRecord);
  }

  async list(options: {
    assignmentStatus: MfaAssignmentStatus;
    after?: string;
    limit: number;
  }): Promise<{ items: MfaDeviceRecord[]; next?: string }> {
    const rows = await this.sql.rows<MfaDeviceRow>(
      `SELECT * FROM mfa_devices WHERE ${FILTERS[options.assignmentStatus]} AND serial_number > $1 ORDER BY serial_number LIMIT $2`,
      [options.after ?? '', options.limit + 1],
    );
    const more = rows.length > options.limit;
    const items = (more ? rows.slice(0, options.limit) : rows).map(toMfaDeviceRecord);
    return { items, next: more ? items[items.length - 1].serialNumber : undefined };
  }

  async assign(serialNumber: string, userId: string | undefined, enableDate: string, lastUsedStep: number): Promise<void> {
    await this.sql.run(
      'UPDATE mfa_devices SET user_id = $1, is_root = $2, enable_date = $3, last_used_step = $4 WHERE serial_number = $5',
      [userId ?? null, userId === undefined, enableDate, lastUsedStep, serialNumber],
    );
  }

  async unassign(serialNumber: string): Promise<void> {
    await this.sql.run('UPDATE mfa_devices SET user_id = NULL, is_root = false, enable_date = NULL WHERE serial_number = $1', [
      serialNumber,
    ]);
  }

  async setLastUsedStep(serialNumber: string, step: number): Promise<void> {
    await this.sql.run('UPDATE mfa_devices SET last_used_step = $1 WHERE serial_number = $2', [step, serialNumber]);
  }

  async delete(serialNumber: string): Promise<void> {
    await this.sql.run('DELETE FROM mfa_devices WHERE serial_number = $1', [serialNumber]);
  }

  async listAssigned(): Promise<MfaDeviceRecord[]> {
    return (await this.sql.rows<MfaDeviceRow>(`SELECT * FROM mfa_devices WHERE ${ASSIGNED} ORDER BY enable_date, serial_number`)).map(
      toMfaDeviceRecord,
    );
  }

  /** Number of virtual MFA devices of the account (GetAccountSummary `MFADevices`). */
  count(): Promise<number> {
    return count(this.sql, countedRowsSql('mfa_devices'));
  }

  /** Number of devices enabled for a user or root (GetAccountSummary `MFADevicesInUse`). */
  countAssigned(): Promise<number> {
    return count(this.sql, `SELECT count(*) AS n FROM mfa_devices WHERE ${ASSIGNED}`);
  }
}
