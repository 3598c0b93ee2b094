'use server';
// CreateVirtualMFADevice: returns the QR code (PNG, base64) and the Base32 seed once, for the person to scan.
import { CreateVirtualMFADeviceCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

const decoder = new TextDecoder();

export const createVirtualMfaDevice = action(
  z.object({ deviceName: z.string().trim().min(1, 'Name the device.'), path: z.string().optional() }),
  async ({ deviceName, path }, { iam }) => {
    const { VirtualMFADevice: d } = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: deviceName, Path: path || undefined }),
    );
    // The SDK decodes both blobs: QRCodePNG to the PNG bytes, Base32StringSeed to the seed's ASCII bytes.
    return {
      serialNumber: d!.SerialNumber!,
      qrCodePng: d!.QRCodePNG ? Buffer.from(d!.QRCodePNG).toString('base64') : '',
      base32Seed: d!.Base32StringSeed ? decoder.decode(d!.Base32StringSeed) : '',
    };
  },
  { fieldNames: { VirtualMFADeviceName: 'deviceName' } },
);
