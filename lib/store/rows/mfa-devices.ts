// The row of `mfa_devices` as both SQL stores read it (the SQLite and PostgreSQL schemas name its columns alike) and
// its mapping to the record the repository returns. `is_root` is a boolean as PostgreSQL returns it; SQLite, which
// has no boolean type, reads it as 0 or 1 and converts it first (lib/store/sqlite/mfa-devices.ts).
import type { MfaDeviceRecord } from '../mfa-devices';

export interface MfaDeviceRow {
  serial_number: string;
  device_name: string;
  path: string;
  seed_encrypted: string;
  user_id: string | null;
  is_root: boolean;
  enable_date: string | null;
  last_used_step: number | null;
  create_date: string;
}

export function toMfaDeviceRecord(row: MfaDeviceRow): MfaDeviceRecord {
  const device: MfaDeviceRecord = {
    serialNumber: row.serial_number,
    deviceName: row.device_name,
    path: row.path,
    seedEncrypted: row.seed_encrypted,
    isRoot: row.is_root,
    createDate: row.create_date,
  };
  if (row.user_id) device.userId = row.user_id;
  if (row.enable_date) device.enableDate = row.enable_date;
  if (row.last_used_step !== null) device.lastUsedStep = row.last_used_step;
  return device;
}
