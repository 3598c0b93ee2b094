// Response elements of the MFA operations (`MFADevice`, `VirtualMFADevice`) and lookups with AWS's errors.
import { NoSuchEntity, ValidationError } from '../../core/errors';
import type { Store } from '../../store/types';
import type { MfaDeviceRecord } from '../../store/mfa-devices';
import type { UserRecord } from '../../store/users';
import type { OperationContext } from '../../core/context';
import { rootArn } from '../arn';
import { requireUser } from '../users/require-user';
import { userView } from '../users/user-view';

/** Whose devices an operation is about: an IAM user, or the root user of the account. */
export type MfaOwner = { kind: 'user'; user: UserRecord } | { kind: 'root' };

/**
 * The owner named by `UserName`; without it (possible for Gatehouse's own callers, such as the console's
 * root sign-up), the caller: root for the root user, the user for an IAM user.
 */
export async function resolveMfaOwner(ctx: OperationContext, userName: string | undefined): Promise<MfaOwner> {
  if (userName !== undefined) return { kind: 'user', user: await requireUser(ctx.store, userName) };
  const { principal } = ctx;
  if (principal.type === 'Root' || principal.type === 'System') return { kind: 'root' };
  if (principal.type === 'IAMUser' && principal.userName) return { kind: 'user', user: await requireUser(ctx.store, principal.userName) };
  throw new ValidationError('Must specify userName when calling with non-User credentials');
}

/** The owner's user id for the repository (undefined means root). */
export function ownerUserId(owner: MfaOwner): string | undefined {
  return owner.kind === 'user' ? owner.user.userId : undefined;
}

/** The name shown as `UserName` for the owner (root: the account ID). */
export function ownerName(ctx: OperationContext, owner: MfaOwner): string {
  return owner.kind === 'user' ? owner.user.userName : ctx.principal.accountId;
}

/** A virtual MFA device by serial number, or AWS's NoSuchEntity. */
export async function requireVirtualMfaDevice(store: Store, serialNumber: string): Promise<MfaDeviceRecord> {
  const device = await store.mfaDevices.get(serialNumber);
  if (!device) throw new NoSuchEntity(`VirtualMFADevice with serial number ${serialNumber} doesn't exist.`);
  return device;
}

/** A device that must be enabled for `owner`, or NoSuchEntity. */
export async function requireOwnedDevice(ctx: OperationContext, owner: MfaOwner, serialNumber: string): Promise<MfaDeviceRecord> {
  const device = await ctx.store.mfaDevices.get(serialNumber);
  const owned = device && (owner.kind === 'root' ? device.isRoot : device.userId === owner.user.userId);
  if (!device || !owned) {
    throw new NoSuchEntity(`MFA Device with serial number ${serialNumber} does not exist for user ${ownerName(ctx, owner)}.`);
  }
  return device;
}

/** AWS's `MFADevice` element. */
export function mfaDeviceView(userName: string, device: MfaDeviceRecord) {
  return { UserName: userName, SerialNumber: device.serialNumber, EnableDate: device.enableDate };
}

/** AWS's `VirtualMFADevice` element of ListVirtualMFADevices (never the seed or QR code). */
export async function virtualMfaDeviceView(ctx: OperationContext, device: MfaDeviceRecord) {
  const { store, principal } = ctx;
  let user: Record<string, unknown> | undefined;
  if (device.isRoot) {
    const account = await store.account.get();
    user = {
      UserId: principal.accountId,
      Arn: rootArn(principal.accountId),
      CreateDate: account?.createDate,
      PasswordLastUsed: account?.rootPasswordLastUsed,
    };
  } else if (device.userId) {
    const owner = await store.users.getById(device.userId);
    if (owner) user = userView(principal.accountId, owner);
  }
  const tags = await store.tags.list('mfa', device.serialNumber);
  return {
    SerialNumber: device.serialNumber,
    User: user,
    EnableDate: device.enableDate,
    Tags: tags.length > 0 ? tags : undefined,
  };
}
