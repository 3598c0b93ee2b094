// Identifiers as AWS makes them: prefixed upper-case ids, access key ids, secrets, request ids.
import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// Random bytes drawn 4 KiB at a time from the CSPRNG (as node's randomUUID does with its own cache): one
// getrandom call per ~200 ids instead of one per id, which costs tens of microseconds on a busy VM.
const POOL = Buffer.alloc(4096);
let poolOffset = POOL.length;

/** `count` (≤ 4096) fresh random bytes, never handed out twice. */
function poolBytes(count: number): Buffer {
  if (poolOffset + count > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const bytes = POOL.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

/** Characters of an alphabet whose length divides 256 (32 or 64), so every character is equally likely. */
function randomChars(count: number, alphabet = ALPHABET): string {
  const bytes = poolBytes(count);
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** Unique-id prefixes of IAM entities. */
export type IdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'ANVA' | 'AIPA' | 'ASCA' | 'APKA';

/** A 21-character unique id such as `AIDAJQABLZS4A3QDU576Q`. */
export function newUniqueId(prefix: IdPrefix): string {
  return prefix + randomChars(17);
}

/**
 * A 20-character access key id, `AKIA…` for long-term keys and `ASIA…` for temporary ones, carrying the
 * account id as AWS's keys have since 2019: the 16 base32 characters encode 10 bytes whose first 6 hold
 * `account << 7` plus 7 random bits (top bit 0); the rest is random. So GetAccessKeyInfo can name the account
 * of any key, even a deleted one.
 */
export function newAccessKeyId(accountId: string, temporary = false): string {
  const bytes = Buffer.from(poolBytes(10));
  const head = (BigInt(accountId) << 7n) | BigInt(bytes[5] & 0x7f);
  for (let i = 5; i >= 0; i--) bytes[i] = Number((head >> BigInt(8 * (5 - i))) & 0xffn);
  return (temporary ? 'ASIA' : 'AKIA') + base32(bytes);
}

/** The account id encoded in an access key id of AWS's current format, or undefined when it has none. */
export function accountIdOfAccessKeyId(accessKeyId: string): string | undefined {
  if (!/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(accessKeyId)) return undefined;
  let head = 0n;
  let bits = 0;
  for (const c of accessKeyId.slice(4)) {
    head = (head << 5n) | BigInt(ALPHABET.indexOf(c));
    bits += 5;
  }
  // 80 bits: the first 48 are `account << 7 | random`.
  const account = ((head >> BigInt(bits - 48)) & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}

/** RFC 4648 base32 without padding (10 bytes → 16 characters). */
function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A 40-character secret access key. */
export function newSecretAccessKey(): string {
  return randomChars(40, SECRET_ALPHABET);
}

/** A session token (opaque, long, base64). */
export function newSessionToken(): string {
  return 'IQoJb3JpZ2luX2Vj' + randomBytes(96).toString('base64');
}

/**
 * A time-ordered UUID (version 7, RFC 9562: 48-bit Unix milliseconds, then 74 random bits), for ids that
 * become index keys: new keys land at the end of the index instead of on a random page (audit event ids).
 */
export function newTimeOrderedUuid(now = Date.now()): string {
  const bytes = Buffer.from(poolBytes(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A request id in AWS's UUID form. */
export function newRequestId(): string {
  return randomUUID();
}

/** A 12-digit account id not starting with 0. */
export function newAccountId(): string {
  const bytes = randomBytes(12);
  let out = String(1 + (bytes[0] % 9));
  for (let i = 1; i < 12; i++) out += String(bytes[i] % 10);
  return out;
}
