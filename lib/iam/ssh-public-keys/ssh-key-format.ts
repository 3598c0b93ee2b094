// SSH public keys as IAM accepts them: OpenSSH `ssh-rsa` or PEM (SubjectPublicKeyInfo) RSA keys of 2048 to
// 16384 bits, with the MD5 fingerprint AWS shows (`aa:bb:...`) and conversion between the two encodings.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { InvalidPublicKey } from '../../core/errors';

const INVALID = 'The public key is not in valid format.';

/** A parsed RSA public key with both of IAM's encodings and its fingerprint. */
export interface ParsedSshKey {
  ssh: string;
  pem: string;
  fingerprint: string;
}

function readString(blob: Buffer, offset: number): [Buffer, number] {
  if (offset + 4 > blob.length) throw new InvalidPublicKey(INVALID);
  const length = blob.readUInt32BE(offset);
  if (offset + 4 + length > blob.length) throw new InvalidPublicKey(INVALID);
  return [blob.subarray(offset + 4, offset + 4 + length), offset + 4 + length];
}

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** An mpint: big-endian, with a leading zero byte when the high bit is set. */
function mpint(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const trimmed = unsigned.subarray(start);
  return sshString(trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function fromBase64Url(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}

function unsignedOf(value: Buffer): Buffer {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  return value.subarray(start);
}

function describe(key: KeyObject): ParsedSshKey {
  if (key.asymmetricKeyType !== 'rsa') throw new InvalidPublicKey('Only RSA (ssh-rsa) public keys are supported.');
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048 || bits > 16384) throw new InvalidPublicKey('The public key must be between 2048 and 16384 bits long.');
  const jwk = key.export({ format: 'jwk' });
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(fromBase64Url(jwk.e!)), mpint(fromBase64Url(jwk.n!))]);
  const digest = createHash('md5').update(blob).digest('hex');
  return {
    ssh: `ssh-rsa ${blob.toString('base64')}`,
    pem: key.export({ format: 'pem', type: 'spki' }).toString().trim(),
    fingerprint: digest.match(/../g)!.join(':'),
  };
}

/** Parses an uploaded key body, or throws AWS's InvalidPublicKey. */
export function parseSshPublicKey(body: string): ParsedSshKey {
  const text = body.trim();
  if (text.startsWith('-----BEGIN')) {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: text, format: 'pem' });
    } catch {
      throw new InvalidPublicKey(INVALID);
    }
    return describe(key);
  }
  const [type, base64] = text.split(/\s+/);
  if (type !== 'ssh-rsa' || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new InvalidPublicKey(INVALID);
  const blob = Buffer.from(base64, 'base64');
  const [name, afterName] = readString(blob, 0);
  if (name.toString() !== 'ssh-rsa') throw new InvalidPublicKey(INVALID);
  const [e, afterE] = readString(blob, afterName);
  const [n, end] = readString(blob, afterE);
  if (end !== blob.length || e.length === 0 || n.length === 0) throw new InvalidPublicKey(INVALID);
  let key: KeyObject;
  try {
    key = createPublicKey({
      key: { kty: 'RSA', n: unsignedOf(n).toString('base64url'), e: unsignedOf(e).toString('base64url') },
      format: 'jwk',
    });
  } catch {
    throw new InvalidPublicKey(INVALID);
  }
  return describe(key);
}
