// SigV4 verification: credential scope and request-time checks with AWS's messages, then the signature
// recomputed from the request and compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import { SignatureDoesNotMatch } from '../core/errors';
import { canonicalRequest, stringToSign, type SignableRequest } from './canonical-request';
import { formatAmzDate, type SignatureParts } from './parse-signature';
import { signatureFor, signingKey } from './signing-key';

/** How far a request's time may be from the server's (AWS: 15 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 15 * 60;

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

// Module constants: a regular expression literal in a function body is a new RegExp object on every call.
const REGION_NAME = /^[a-z0-9-]{1,64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/** The credential scope string `date/region/service/terminator`. */
export function credentialScope(parts: SignatureParts): string {
  return `${parts.scopeDate}/${parts.region}/${parts.service}/${parts.terminator}`;
}

/**
 * Checks the credential scope against the service the request is for and the request time against `now`
 * (15 minutes of skew either way; presigned URLs also until X-Amz-Expires). Throws SignatureDoesNotMatch.
 * `regions`, when given, are the regions the endpoint serves (a list, or a test): a scope naming any other is refused, as AWS's
 * global IAM and STS endpoints refuse a scope other than us-east-1.
 */
export function checkScopeAndTime(
  parts: SignatureParts,
  service: string,
  now: Date,
  regions?: readonly string[] | ((region: string) => boolean),
): void {
  if (parts.terminator !== 'aws4_request') {
    throw new SignatureDoesNotMatch(`Credential should be scoped with a valid terminator: 'aws4_request', not '${parts.terminator}'. `);
  }
  if (parts.service !== service) throw new SignatureDoesNotMatch(`Credential should be scoped to correct service: '${service}'. `);
  if (
    !REGION_NAME.test(parts.region) ||
    (regions !== undefined && !(typeof regions === 'function' ? regions(parts.region) : regions.includes(parts.region)))
  ) {
    throw new SignatureDoesNotMatch(`Credential should be scoped to a valid region, not '${parts.region}'. `);
  }
  const day = parts.amzDate.slice(0, 8);
  if (parts.scopeDate !== day) {
    throw new SignatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts.scopeDate}' != '${day}', from '${parts.amzDate}'.`,
    );
  }
  const skewMs = MAX_CLOCK_SKEW_SECONDS * 1000;
  const time = parts.requestTime.getTime();
  // Formatting dates is costly: only the error messages do it.
  if (time > now.getTime() + skewMs) {
    throw new SignatureDoesNotMatch(
      `Signature not yet current: ${parts.amzDate} is still later than ${formatAmzDate(new Date(now.getTime() + skewMs))} (${formatAmzDate(now)} + 15 min.)`,
    );
  }
  if (parts.expiresSeconds !== undefined) {
    const limit = now.getTime() - parts.expiresSeconds * 1000;
    if (time < limit) {
      throw new SignatureDoesNotMatch(
        `Signature expired: ${parts.amzDate} is now earlier than ${formatAmzDate(new Date(limit))} (${formatAmzDate(now)} - ${parts.expiresSeconds} sec.)`,
      );
    }
  } else if (time < now.getTime() - skewMs) {
    throw new SignatureDoesNotMatch(
      `Signature expired: ${parts.amzDate} is now earlier than ${formatAmzDate(new Date(now.getTime() - skewMs))} (${formatAmzDate(now)} - 15 min.)`,
    );
  }
}

/** The signature the request should carry when signed with `secretAccessKey` (hex). */
export function expectedSignature(request: SignableRequest, parts: SignatureParts, secretAccessKey: string): string {
  const canonical = canonicalRequest(request, parts.signedHeaders, parts.signedHeadersText);
  const key = signingKey(secretAccessKey, parts.scopeDate, parts.region, parts.service);
  return signatureFor(key, stringToSign(parts.amzDate, credentialScope(parts), canonical));
}

/** Whether the request's signature is right for the secret, compared in constant time. */
export function signatureMatches(request: SignableRequest, parts: SignatureParts, secretAccessKey: string): boolean {
  if (!HEX_SIGNATURE.test(parts.signature)) return false;
  const expected = Buffer.from(expectedSignature(request, parts, secretAccessKey), 'latin1');
  const given = Buffer.from(parts.signature, 'latin1');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Throws SignatureDoesNotMatch (AWS's message) unless the signature is right. Also requires `host` be signed. */
export function verifySignature(request: SignableRequest, parts: SignatureParts, secretAccessKey: string): void {
  if (!parts.signedHeaders.includes('host')) {
    throw new SignatureDoesNotMatch("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (!signatureMatches(request, parts, secretAccessKey)) throw new SignatureDoesNotMatch(SIGNATURE_MISMATCH_MESSAGE);
}
