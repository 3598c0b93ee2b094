// ListMFADeviceTags: a virtual MFA device's tags in the order they were added, paginated.
import type { IamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { requireVirtualMfaDevice } from './mfa-view';

export const listMfaDeviceTags: IamOperation<'ListMFADeviceTags'> = async (ctx, input) => {
  const device = await requireVirtualMfaDevice(ctx.store, input.SerialNumber);
  const positioned = (await ctx.store.tags.list('mfa', device.serialNumber)).map((tag, index) => ({
    tag,
    key: String(index).padStart(6, '0'),
  }));
  const page = paginateArray(positioned, (entry) => entry.key, input.Marker, input.MaxItems);
  return { Tags: page.items.map((entry) => entry.tag), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
