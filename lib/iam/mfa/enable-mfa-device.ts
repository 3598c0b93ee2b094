// EnableMFADevice: assigns a virtual MFA device to a user (or root) once two consecutive codes prove possession.
import { EntityAlreadyExists, InvalidAuthenticationCode, LimitExceeded } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { verifyConsecutiveTotp } from '../totp';
import { QUOTAS } from '../validation';
import { ownerUserId, requireVirtualMfaDevice, resolveMfaOwner } from './mfa-view';

/** Steps of clock skew accepted around the second code (±1 minute). */
export const ENABLE_WINDOW_STEPS = 2;

export const enableMfaDevice: IamOperation<'EnableMFADevice'> = async (ctx, input) => {
  const { store } = ctx;
  const owner = await resolveMfaOwner(ctx, input.UserName);
  const device = await requireVirtualMfaDevice(store, input.SerialNumber);
  if (device.userId || device.isRoot) throw new EntityAlreadyExists('MFA Device is already in use.');
  const userId = ownerUserId(owner);
  if ((await store.mfaDevices.listForUser(userId)).length >= QUOTAS.mfaDevicesPerUser) {
    throw new LimitExceeded(`Cannot exceed quota for MFADevicesPerUser: ${QUOTAS.mfaDevicesPerUser}.`);
  }
  const step = verifyConsecutiveTotp(
    ctx.secrets.decrypt(device.seedEncrypted),
    input.AuthenticationCode1,
    input.AuthenticationCode2,
    ctx.now,
    {
      window: ENABLE_WINDOW_STEPS,
      lastUsedStep: device.lastUsedStep,
    },
  );
  if (step === undefined) throw new InvalidAuthenticationCode('Authentication code for device is not valid.');
  await store.mfaDevices.assign(device.serialNumber, userId, ctx.now.toISOString(), step);
  if (owner.kind === 'root') await store.account.update({ rootMfaSerial: device.serialNumber });
  return {};
};
