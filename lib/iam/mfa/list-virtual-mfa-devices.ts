// ListVirtualMFADevices: the account's virtual MFA devices by assignment status, with their users, paginated.
import type { ListVirtualMFADevicesRequest } from '@aws-sdk/client-iam';
import type { MfaAssignmentStatus } from '../../store/mfa-devices';
import type { Operation } from '../context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { virtualMfaDeviceView } from './mfa-view';

export const listVirtualMfaDevices: Operation<ListVirtualMFADevicesRequest> = (ctx, input) => {
  const page = ctx.store.mfaDevices.list({
    assignmentStatus: (input.AssignmentStatus ?? 'Any') as MfaAssignmentStatus,
    after: decodeMarker(input.Marker),
    limit: pageSize(input.MaxItems),
  });
  return { VirtualMFADevices: page.items.map((d) => virtualMfaDeviceView(ctx, d)), ...pageResult(page.next) };
};
