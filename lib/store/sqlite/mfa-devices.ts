// SQLite implementation of the MFA devices repository (table mfa_devices).
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';
import type { MfaAssignmentStatus, MfaDeviceRecord, MfaDeviceRepository } from '../mfa-devices';
import { countedRowsSql } from '../entity-counts';
import { toMfaDeviceRecord, type MfaDeviceRow } from '../rows/mfa-devices';

/** A row of `mfa_devices` as SQLite returns it: SQLite has no boolean type, so `is_root` reads as 0 or 1. */
type SqliteMfaDeviceRow = Omit<MfaDeviceRow, 'is_root'> & { is_root: number };

function toRecord(row: SqliteMfaDeviceRow): MfaDeviceRecord {
  return toMfaDeviceRecord({ ...row, is_root: row.is_root === 1 });
}

const ASSIGNED = '(user_id IS NOT NULL OR is_root = 1)';
const FILTERS: Record<MfaAssignmentStatus, string> = {
  Any: '1 = 1',
  Assigned: ASSIGNED,
  Unassigned: `NOT ${ASSIGNED}`,
};

export class SqliteMfaDeviceRepository implements MfaDeviceRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly forUser;
  private readonly forRoot;
  private readonly listStatements: Record<MfaAssignmentStatus, Statement<[string, number], SqliteMfaDeviceRow>>;
  private readonly assignStatement;
  private readonly unassignStatement;
  private readonly stepStatement;
  private readonly deleteStatement;
  private readonly assignedStatement;
  private readonly countStatement;
  private readonly countAssignedStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO mfa_devices (serial_number, device_name, path, seed_encrypted, user_id, is_root, enable_date, last_used_step, create_date)
       VALUES (@serialNumber, @deviceName, @path, @seedEncrypted, @userId, @isRoot, @enableDate, @lastUsedStep, @createDate)`,
    );
    this.getStatement = db.prepare<[string], SqliteMfaDeviceRow>('SELECT * FROM mfa_devices WHERE serial_number = ? COLLATE NOCASE');
    this.forUser = db.prepare<[string], SqliteMfaDeviceRow>(
      'SELECT * FROM mfa_devices WHERE user_id = ? ORDER BY enable_date, serial_number',
    );
    this.forRoot = db.prepare<[], SqliteMfaDeviceRow>('SELECT * FROM mfa_devices WHERE is_root = 1 ORDER BY enable_date, serial_number');
    const list = (status: MfaAssignmentStatus) =>
      db.prepare<[string, number], SqliteMfaDeviceRow>(
        `SELECT * FROM mfa_devices WHERE ${FILTERS[status]} AND serial_number > ? ORDER BY serial_number LIMIT ?`,
      );
    this.listStatements = { Any: list('Any'), Assigned: list('Assigned'), Unassigned: list('Unassigned') };
    this.assignStatement = db.prepare(
      'UPDATE mfa_devices SET user_id = ?, is_root = ?, enable_date = ?, last_used_step = ? WHERE serial_number = ?',
    );
    this.unassignStatement = db.prepare('UPDATE mfa_devices SET user_id = NULL, is_root = 0, enable_date = NULL WHERE serial_number = ?');
    this.stepStatement = db.prepare('UPDATE mfa_devices SET last_used_step = ? WHERE serial_number = ?');
    this.deleteStatement = db.prepare('DELETE FROM mfa_devices WHERE serial_number = ?');
    this.assignedStatement = db.prepare<[], SqliteMfaDeviceRow>(
      `SELECT * FROM mfa_devices WHERE ${ASSIGNED} ORDER BY enable_date, serial_number`,
    );
    this.countStatement = db.prepare<[], { n: number }>(countedRowsSql('mfa_devices'));
    this.countAssignedStatement = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM mfa_devices WHERE ${ASSIGNED}`);
  }

  async insert(device: MfaDeviceRecord): Promise<void> {
    this.insertStatement.run({
      serialNumber: device.serialNumber,
      deviceName: device.deviceName,
      path: device.path,
      seedEncrypted: device.seedEncrypted,
      userId: device.userId ?? null,
      isRoot: device.isRoot ? 1 : 0,
      enableDate: device.enableDate ?? null,
      lastUsedStep: device.lastUsedStep ?? null,
      createDate: device.createDate,
    });
  }

  async get(serialNumber: string): Promise<MfaDeviceRecord | undefined> {
    const row = this.getStatement.get(serialNumber);
    return row && toRecord(row);
  }

  async listForUser(userId: string | undefined): Promise<MfaDeviceRecord[]> {
    return (userId === undefined ? this.forRoot.all() : this.forUser.all(userId)).map(toRecord);
  }

  async list(options: {
    assignmentStatus: MfaAssignmentStatus;
    after?: string;
    limit: number;
  }): Promise<{ items: MfaDeviceRecord[]; next?: string }> {
    const rows = this.listStatements[options.assignmentStatus].all(options.after ?? '', options.limit + 1);
    const more = rows.length > options.limit;
    const items = (more ? rows.slice(0, options.limit) : rows).map(toRecord);
    return { items, next: more ? items[items.length - 1].serialNumber : undefined };
  }

  async assign(serialNumber: string, userId: string | undefined, enableDate: string, lastUsedStep: number): Promise<void> {
    this.assignStatement.run(userId ?? null, userId === undefined ? 1 : 0, enableDate, lastUsedStep, serialNumber);
  }

  async unassign(serialNumber: string): Promise<void> {
    this.unassignStatement.run(serialNumber);
  }

  async setLastUsedStep(serialNumber: string, step: number): Promise<void> {
    this.stepStatement.run(step, serialNumber);
  }

  async delete(serialNumber: string): Promise<void> {
    this.deleteStatement.run(serialNumber);
  }

  async listAssigned(): Promise<MfaDeviceRecord[]> {
    return this.assignedStatement.all().map(toRecord);
  }

  /** Number of virtual MFA devices of the account (GetAccountSummary `MFADevices`). */
  async count(): Promise<number> {
    return this.countStatement.get()!.n;
  }

  /** Number of devices enabled for a user or root (GetAccountSummary `MFADevicesInUse`). */
  async countAssigned(): Promise<number> {
    return this.countAssignedStatement.get()!.n;
  }
}
