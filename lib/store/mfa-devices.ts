// The MFA devices part of the Store interface: virtual (TOTP) devices, assigned to a user, to root, or to nobody.

/** A virtual MFA device. The seed is sealed with the service's SecretBox. */
export interface MfaDeviceRecord {
  serialNumber: string;
  deviceName: string;
  path: string;
  seedEncrypted: string;
  /** The user the device is enabled for; undefined when unassigned or assigned to root. */
  userId?: string;
  /** True when the device is the root user's. */
  isRoot: boolean;
  enableDate?: string;
  /** The last TOTP time step accepted for this device (replay protection). */
  lastUsedStep?: number;
  createDate: string;
}

export type MfaAssignmentStatus = 'Assigned' | 'Unassigned' | 'Any';

export interface MfaDeviceRepository {
  insert(device: MfaDeviceRecord): Promise<void>;
  /** Lookup by serial number, ignoring case. */
  get(serialNumber: string): Promise<MfaDeviceRecord | undefined>;
  /** Devices enabled for a user (or for root when `userId` is undefined), oldest enabled first. */
  listForUser(userId: string | undefined): Promise<MfaDeviceRecord[]>;
  /** Devices by serial number, filtered by assignment, after `after` (a serial number), at most `limit`. */
  list(options: {
    assignmentStatus: MfaAssignmentStatus;
    after?: string;
    limit: number;
  }): Promise<{ items: MfaDeviceRecord[]; next?: string }>;
  /** Enables the device for a user (or root when `userId` is undefined). */
  assign(serialNumber: string, userId: string | undefined, enableDate: string, lastUsedStep: number): Promise<void>;
  unassign(serialNumber: string): Promise<void>;
  setLastUsedStep(serialNumber: string, step: number): Promise<void>;
  delete(serialNumber: string): Promise<void>;
  /** Every device enabled for some user or root (credential report). */
  listAssigned(): Promise<MfaDeviceRecord[]>;
  /** Number of virtual MFA devices of the account (GetAccountSummary `MFADevices`). */
  count(): Promise<number>;
  /** Number of devices enabled for a user or root (GetAccountSummary `MFADevicesInUse`). */
  countAssigned(): Promise<number>;
}
