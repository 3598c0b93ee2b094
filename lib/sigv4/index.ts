// Public surface of SigV4 verification: parse the signature parts, check scope and time, verify.
export { parseSignature, hasCredentials, parseAmzDate, formatAmzDate, type SignatureParts } from './parse-signature';
export {
  canonicalRequest,
  canonicalUri,
  canonicalQuery,
  canonicalHeaders,
  stringToSign,
  uriEncode,
  type SignableRequest,
} from './canonical-request';
export { signingKey, signatureFor } from './signing-key';
export {
  checkScopeAndTime,
  credentialScope,
  expectedSignature,
  signatureMatches,
  verifySignature,
  MAX_CLOCK_SKEW_SECONDS,
  SIGNATURE_MISMATCH_MESSAGE,
} from './verify';
