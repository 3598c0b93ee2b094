// ListVirtualMFADevices: the account's virtual MFA devices by assignment status, with their users, paginated.
import type { MfaAssignmentStatus } from '../../store/mfa-devices';
import { ValidationError } from '../../core/errors';
import type { UncheckedIamOperation } from '../../core/context';
import { decodeMarker, pageResult, pageSize } from '../pagination';
import { virtualMfaDeviceView } from './mfa-view';

const STATUSES: readonly string[] = ['Assigned', 'Unassigned', 'Any'];

export const listVirtualMfaDevices: UncheckedIamOperation<'ListVirtualMFADevices'> = async (ctx, input) => {
  const status = input.AssignmentStatus ?? 'Any';
  if (!STATUSES.includes(status)) {
    throw new ValidationError(
      `1 validation error detected: Value at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set`,
    );
  }
  const page = await ctx.store.mfaDevices.list({
    assignmentStatus: status as MfaAssignmentStatus,
    after: decodeMarker(input.Marker),
    limit: pageSize(input.MaxItems),
  });
  return { VirtualMFADevices: await Promise.all(page.items.map((d) => virtualMfaDeviceView(ctx, d))), ...pageResult(page.next) };
};
