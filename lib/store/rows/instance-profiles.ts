// The row of `instance_profiles` as both SQL stores read it (the SQLite and PostgreSQL schemas name and type its
// columns alike) and its mapping to the record the repository returns.
import type { InstanceProfileRecord } from '../instance-profiles';

export interface InstanceProfileRow {
  instance_profile_id: string;
  instance_profile_name: string;
  name_key: string;
  path: string;
  create_date: string;
}

export function toInstanceProfileRecord(row: InstanceProfileRow): InstanceProfileRecord {
  return {
    instanceProfileId: row.instance_profile_id,
    instanceProfileName: row.instance_profile_name,
    path: row.path,
    createDate: row.create_date,
  };
}
