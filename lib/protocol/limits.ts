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

/**
 * The body bytes a server holds for requests whose body has not fully arrived (the handler has not seen them, so
 * nobody has authenticated them), on either mount.
 * Measured before this bound (f3_slowbody_memory.py): 300 connections that each
 * declared a 1 MiB body, sent all of it but one byte and stalled took the standalone server from 110 to 417 MB RSS
 * (~1 MB each, for up to node's 300 s request timeout); at GATEHOUSE_MAX_CONNECTIONS=4096 that is ~4 GiB.
 */
export class BodyBudget {
  private held = 0;

  constructor(readonly limit: number) {}

  /** Reserves `bytes`; false, reserving nothing, when that would pass the limit. */
  take(bytes: number): boolean {
    if (this.held + bytes > this.limit) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held -= bytes;
  }

  /** The bytes reserved now. */
  get reserved(): number {
    return this.held;
  }
}

/** GATEHOUSE_MAX_BUFFERED_BODY_BYTES's default: 64 bodies of the default 1 MiB limit, ~6,500 of 10 KiB. */
export const DEFAULT_BUFFERED_BODY_BYTES = 64 * 1024 * 1024;
