// ListMFADevices: the MFA devices enabled for a user (or for the caller when no user name is given), paginated.
import type { UncheckedIamOperation } from '../../core/context';
import { paginateArray } from '../pagination';
import { mfaDeviceView, ownerName, ownerUserId, resolveMfaOwner } from './mfa-view';

export const listMfaDevices: UncheckedIamOperation<'ListMFADevices'> = async (ctx, input) => {
  const owner = await resolveMfaOwner(ctx, input.UserName);
  const devices = await ctx.store.mfaDevices.listForUser(ownerUserId(owner));
  const page = paginateArray(devices, (d) => d.serialNumber, input.Marker, input.MaxItems);
  const name = ownerName(ctx, owner);
  return { MFADevices: page.items.map((d) => mfaDeviceView(name, d)), IsTruncated: page.IsTruncated, Marker: page.Marker };
};
