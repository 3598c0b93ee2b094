// The answers given to requests refused before the handler sees them (for their size, their contradictory
// forwarded headers, the server's load): AWS's ErrorResponse with the IAM namespace and a fresh request id, like
// every other error.
import { newRequestId } from '../crypto/ids';
import { AccessDenied, AwsError, RequestEntityTooLarge, RequestHeaderSectionTooLarge } from '../core/errors';
import { IAM_MODEL } from './model';
import type { WireResponse } from '../core/wire';
import { encodeError } from './xml';

function errorResponse(error: AwsError): WireResponse {
  const requestId = newRequestId();
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: encodeError(IAM_MODEL.xmlNamespace, error, requestId),
  };
}

/** 413 `RequestEntityTooLarge` for a body over the limit. */
export function bodyTooLarge(maxBodyBytes: number): WireResponse {
  return errorResponse(new RequestEntityTooLarge(`Request body must be at most ${maxBodyBytes} bytes.`));
}

/**
 * 503 `ServiceUnavailable` (AWS's answer when it is overloaded, which SDKs retry with back-off) for a body that would
 * take the bytes held for requests not yet handled past their bound (GATEHOUSE_MAX_BUFFERED_BODY_BYTES).
 */
export function bodiesOverBudget(): WireResponse {
  const response = errorResponse(
    new AwsError('ServiceUnavailable', 'The service is busy receiving other requests; retry the request.', 503),
  );
  return { ...response, headers: { ...response.headers, 'retry-after': '1' } };
}

/** 431 `RequestHeaderSectionTooLarge` for headers over the HTTP server's limit. */
export function headersTooLarge(): WireResponse {
  return errorResponse(new RequestHeaderSectionTooLarge('Your request header section exceeds the maximum allowed size.'));
}

/**
 * 403 `AccessDenied` for a request from a trusted proxy whose `Forwarded` and `X-Forwarded-For` name different
 * clients: its source address is unknown, so no condition on it can be evaluated (lib/service/client-address.ts).
 */
export function clientAddressConflict(): WireResponse {
  return errorResponse(
    new AccessDenied('The Forwarded and X-Forwarded-For headers name different clients; the source address of the request is unknown.'),
  );
}
