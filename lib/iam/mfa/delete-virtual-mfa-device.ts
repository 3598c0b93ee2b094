// DeleteVirtualMFADevice: deletes an unassigned virtual MFA device and its tags.
import { DeleteConflict } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { requireVirtualMfaDevice } from './mfa-view';

export const deleteVirtualMfaDevice: IamOperation<'DeleteVirtualMFADevice'> = async (ctx, input) => {
  const device = await requireVirtualMfaDevice(ctx.store, input.SerialNumber);
  if (device.userId || device.isRoot) throw new DeleteConflict('MFA VirtualDevice in use. Must deactivate first.');
  await ctx.store.tags.removeAll('mfa', device.serialNumber);
  await ctx.store.mfaDevices.delete(device.serialNumber);
  return {};
};
