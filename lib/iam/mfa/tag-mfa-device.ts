// TagMFADevice: adds or overwrites tags of a virtual MFA device (at most 50, keys compared ignoring case).
import type { IamOperation } from '../../core/context';
import { validateTags } from '../validation';
import { requireVirtualMfaDevice } from './mfa-view';

export const tagMfaDevice: IamOperation<'TagMFADevice'> = async (ctx, input) => {
  const device = await requireVirtualMfaDevice(ctx.store, input.SerialNumber);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(
    tags,
    (await ctx.store.tags.list('mfa', device.serialNumber)).map((t) => t.Key),
  );
  await ctx.store.tags.put('mfa', device.serialNumber, tags);
  return {};
};
