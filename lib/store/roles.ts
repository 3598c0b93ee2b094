// The roles part of the Store interface: IAM roles (including service-linked roles) and their last use.
import type { Page } from './users';

/** A stored IAM role. Dates are ISO 8601 strings; `assumeRolePolicy` is the trust policy as written. */
export interface RoleRecord {
  roleId: string;
  roleName: string;
  path: string;
  createDate: string;
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundaryArn?: string;
  lastUsedDate?: string;
  lastUsedRegion?: string;
  /** True for roles made by CreateServiceLinkedRole: protected from most changes. */
  serviceLinked: boolean;
}

export type RoleChanges = Partial<Pick<RoleRecord, 'assumeRolePolicy' | 'description' | 'maxSessionDuration' | 'permissionsBoundaryArn'>>;

export interface RoleRepository {
  insert(role: RoleRecord): Promise<void>;
  /** Case-insensitive lookup by name. */
  getByName(roleName: string): Promise<RoleRecord | undefined>;
  getById(roleId: string): Promise<RoleRecord | undefined>;
  /** Roles whose path starts with `pathPrefix`, ordered by name ignoring case, after `after` (a name key). */
  list(options: { pathPrefix?: string; after?: string; limit: number }): Promise<Page<RoleRecord>>;
  /** Applies changes; a key present with value undefined clears an optional column. */
  update(roleId: string, changes: RoleChanges): Promise<void>;
  delete(roleId: string): Promise<void>;
  count(): Promise<number>;
  /** Records that the role was assumed (RoleLastUsed). */
  recordUse(roleId: string, date: string, region: string): Promise<void>;
}
