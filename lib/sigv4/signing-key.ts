// SigV4 signing keys (HMAC-SHA256 chain over date, region, service, "aws4_request") with a bounded cache,
// so that a key's derivation runs once per day and scope, not once per request.
import { createHmac } from 'node:crypto';
import { BoundedCache } from '../core/bounded-cache';

const MAX_ENTRIES = 2048;
const cache = new BoundedCache<string, Buffer>(MAX_ENTRIES);

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The signing key for a secret and a credential scope (`date` is YYYYMMDD). */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${date}\n${region}\n${service}\n${secretAccessKey}`;
  let key = cache.get(cacheKey);
  if (key === undefined) {
    key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
    cache.set(cacheKey, key);
  }
  return key;
}

/** Hex HMAC-SHA256 of the string to sign with the signing key: the request signature. */
export function signatureFor(key: Buffer, stringToSign: string): string {
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}
