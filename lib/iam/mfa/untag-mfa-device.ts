// UntagMFADevice: removes tags of a virtual MFA device by key (ignoring case); absent keys are ignored.
import type { IamOperation } from '../../core/context';
import { requireVirtualMfaDevice } from './mfa-view';

export const untagMfaDevice: IamOperation<'UntagMFADevice'> = async (ctx, input) => {
  const device = await requireVirtualMfaDevice(ctx.store, input.SerialNumber);
  await ctx.store.tags.remove('mfa', device.serialNumber, input.TagKeys ?? []);
  return {};
};
