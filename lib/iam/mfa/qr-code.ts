// The QR code PNG of a virtual MFA device, made synchronously (operations run inside a store transaction):
// `qrcode` computes the symbol, a minimal grayscale PNG encoder (node:zlib) draws it.
import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const SCALE = 4;
const MARGIN = 4;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A PNG image (8-bit grayscale) of the QR code of `text`. */
export function qrCodePng(text: string): Buffer {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const size = (modules.size + 2 * MARGIN) * SCALE;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1, 0xff);
    row[0] = 0; // filter: none
    const moduleY = Math.floor(y / SCALE) - MARGIN;
    for (let x = 0; x < size; x++) {
      const moduleX = Math.floor(x / SCALE) - MARGIN;
      const inside = moduleX >= 0 && moduleY >= 0 && moduleX < modules.size && moduleY < modules.size;
      if (inside && modules.get(moduleY, moduleX)) row[x + 1] = 0;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
