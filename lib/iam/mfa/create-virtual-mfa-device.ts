// CreateVirtualMFADevice: a new, unassigned virtual MFA device; its seed and QR code are returned only here.
import { EntityAlreadyExists } from '../../core/errors';
import type { IamOperation } from '../../core/context';
import { entityArn } from '../arn';
import { newTotpSeed, totpUri } from '../totp';
import { validateName, validatePath, validateTags } from '../validation';
import { qrCodePng } from './qr-code';

/** The issuer authenticator apps show beside the device. */
const TOTP_ISSUER = 'Gatehouse';

export const createVirtualMfaDevice: IamOperation<'CreateVirtualMFADevice'> = async (ctx, input) => {
  const { store, principal } = ctx;
  const deviceName = input.VirtualMFADeviceName;
  const path = input.Path ?? '/';
  // AWS documents 1-226 characters; the bundled service model predates the upper bound.
  validateName(deviceName, 'virtualMFADeviceName', 226);
  validatePath(path);
  const tags = (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  validateTags(tags);
  const serialNumber = entityArn(principal.accountId, 'mfa', path, deviceName);
  if (await store.mfaDevices.get(serialNumber)) throw new EntityAlreadyExists('MFA device already exists.');

  const seed = newTotpSeed();
  await store.mfaDevices.insert({
    serialNumber,
    deviceName,
    path,
    seedEncrypted: ctx.secrets.encrypt(seed),
    isRoot: false,
    createDate: ctx.now.toISOString(),
  });
  if (tags.length > 0) await store.tags.put('mfa', serialNumber, tags);

  const accountName = (await store.account.listAliases())[0] ?? principal.accountId;
  const png = qrCodePng(totpUri(seed, TOTP_ISSUER, `${deviceName}@${accountName}`));
  return {
    VirtualMFADevice: {
      SerialNumber: serialNumber,
      // Both are blobs: base64 on the wire, decoded by clients into the base32 text and the PNG bytes.
      Base32StringSeed: Buffer.from(seed, 'ascii').toString('base64'),
      QRCodePNG: png.toString('base64'),
      Tags: tags.length > 0 ? tags : undefined,
    },
  };
};
