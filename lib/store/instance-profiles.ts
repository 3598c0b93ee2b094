// The instance profiles part of the Store interface: instance profiles and the (at most one) role in each.
import type { Page } from './users';

/** A stored instance profile. */
export interface InstanceProfileRecord {
  instanceProfileId: string;
  instanceProfileName: string;
  path: string;
  createDate: string;
}

export interface InstanceProfileRepository {
  insert(profile: InstanceProfileRecord): Promise<void>;
  /** Case-insensitive lookup by name. */
  getByName(instanceProfileName: string): Promise<InstanceProfileRecord | undefined>;
  getById(instanceProfileId: string): Promise<InstanceProfileRecord | undefined>;
  /** Instance profiles whose path starts with `pathPrefix`, ordered by name ignoring case, after `after`. */
  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<InstanceProfileRecord>>;
  delete(instanceProfileId: string): Promise<void>;
  count(): Promise<number>;
  addRole(instanceProfileId: string, roleId: string): Promise<void>;
  removeRole(instanceProfileId: string, roleId: string): Promise<void>;
  /** Role ids in an instance profile. */
  listRoleIds(instanceProfileId: string): Promise<string[]>;
  /** Instance profiles that contain a role, by name. */
  listForRole(roleId: string): Promise<InstanceProfileRecord[]>;
}
