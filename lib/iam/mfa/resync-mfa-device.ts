// ResyncMFADevice: re-synchronises a device whose clock drifted, from two consecutive codes in a wide window.
import { InvalidAuthenticationCode } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { verifyConsecutiveTotp } from '../totp';
import { requireOwnedDevice, resolveMfaOwner } from './mfa-view';

/** Steps of drift a resync accepts on either side (±10 minutes). */
export const RESYNC_WINDOW_STEPS = 20;

export const resyncMfaDevice: IamOperation<'ResyncMFADevice'> = async (ctx, input) => {
  const owner = await resolveMfaOwner(ctx, input.UserName);
  const device = await requireOwnedDevice(ctx, owner, input.SerialNumber);
  const step = verifyConsecutiveTotp(
    ctx.secrets.decrypt(device.seedEncrypted),
    input.AuthenticationCode1,
    input.AuthenticationCode2,
    ctx.now,
    {
      window: RESYNC_WINDOW_STEPS,
      lastUsedStep: device.lastUsedStep,
    },
  );
  if (step === undefined) throw new InvalidAuthenticationCode('Authentication code for device is not valid.');
  await ctx.store.mfaDevices.setLastUsedStep(device.serialNumber, step);
  return {};
};
