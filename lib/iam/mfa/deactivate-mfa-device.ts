// DeactivateMFADevice: unassigns a user's (or root's) MFA device; the virtual device itself remains until deleted.
import type { IamOperation } from '../../core/context';
import { requireOwnedDevice, resolveMfaOwner } from './mfa-view';

export const deactivateMfaDevice: IamOperation<'DeactivateMFADevice'> = async (ctx, input) => {
  const owner = await resolveMfaOwner(ctx, input.UserName);
  const device = await requireOwnedDevice(ctx, owner, input.SerialNumber);
  await ctx.store.mfaDevices.unassign(device.serialNumber);
  if (owner.kind === 'root') {
    const next = (await ctx.store.mfaDevices.listForUser(undefined))[0];
    await ctx.store.account.update({ rootMfaSerial: next?.serialNumber });
  }
  return {};
};
