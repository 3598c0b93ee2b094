// The QR code PNG: a well-formed PNG (signature, IHDR, CRCs) of a square image with a quiet zone.
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { qrCodePng } from './qr-code';

describe('qrCodePng', () => {
  it('produces a valid grayscale PNG with correct chunk CRCs', () => {
    const png = qrCodePng('otpauth://totp/Gatehouse:phone@123456789012?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks: { type: string; data: Buffer }[] = [];
    for (let offset = 8; offset < png.length;) {
      const length = png.readUInt32BE(offset);
      const type = png.subarray(offset + 4, offset + 8).toString('ascii');
      const data = png.subarray(offset + 8, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0);
      chunks.push({ type, data });
      offset += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const width = chunks[0].data.readUInt32BE(0);
    expect(chunks[0].data.readUInt32BE(4)).toBe(width);
    const pixels = inflateSync(chunks[1].data);
    expect(pixels.length).toBe(width * (width + 1));
    // The quiet zone (first row) is white; the finder pattern's corner (just inside the margin) is black.
    expect(pixels.subarray(1, width + 1).every((v) => v === 0xff)).toBe(true);
    const inside = 16 * (width + 1) + 1 + 16;
    expect(pixels[inside]).toBe(0);
  });
});
