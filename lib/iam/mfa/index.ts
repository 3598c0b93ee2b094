// The MFA operations of the IAM API (virtual TOTP devices), by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createVirtualMfaDevice } from './create-virtual-mfa-device';
import { deactivateMfaDevice } from './deactivate-mfa-device';
import { deleteVirtualMfaDevice } from './delete-virtual-mfa-device';
import { enableMfaDevice } from './enable-mfa-device';
import { listMfaDevices } from './list-mfa-devices';
import { listVirtualMfaDevices } from './list-virtual-mfa-devices';
import { resyncMfaDevice } from './resync-mfa-device';
import { tagMfaDevice } from './tag-mfa-device';
import { untagMfaDevice } from './untag-mfa-device';
import { listMfaDeviceTags } from './list-mfa-device-tags';

export { acceptMfaCode, deviceOf } from './verify-mfa-code';

export const mfaOperations: IamOperationTable = {
  CreateVirtualMFADevice: createVirtualMfaDevice,
  EnableMFADevice: enableMfaDevice,
  DeactivateMFADevice: deactivateMfaDevice,
  ResyncMFADevice: resyncMfaDevice,
  ListMFADevices: listMfaDevices,
  ListVirtualMFADevices: listVirtualMfaDevices,
  DeleteVirtualMFADevice: deleteVirtualMfaDevice,
  TagMFADevice: tagMfaDevice,
  UntagMFADevice: untagMfaDevice,
  ListMFADeviceTags: listMfaDeviceTags,
};
