// The steps a request passes through, as interfaces: authenticate, authorize, audit. Implementations live in
// lib/authn, lib/authz and lib/audit; the handler (lib/protocol) only knows these shapes.
import type { OperationContext, Principal } from './context';
import type { WireRequest, WireResponse } from './wire';

/** The services of the endpoint by SigV4 signing name: IAM and STS (query protocol), IAM Access Analyzer (REST-JSON). */
export type SigningService = 'iam' | 'sts' | 'access-analyzer';

/** A request's parameters by name (decoded from the form body or query string). */
export type QueryParams = Map<string, string>;

/** What is known of a request once its action is decoded. */
export interface RequestInfo {
  request: WireRequest;
  params: QueryParams;
  service: SigningService;
  action: string;
  requestId: string;
  now: Date;
}

/** Verifies the request's credentials (SigV4) and returns the calling principal, or throws an `AwsError`. */
export interface Authenticator {
  authenticate(info: RequestInfo): Promise<Principal>;
}

/** Throws `AccessDenied` unless the principal may perform the operation with this input. */
export interface Authorizer {
  authorize(ctx: OperationContext, input: Record<string, unknown>): Promise<void>;
  /** Called after a write operation has run (before its group commits): drops what it made stale. */
  written?(ctx: OperationContext, input: Record<string, unknown>): void;
}

/** One finished request, for the audit trail. */
export interface AuditRecord {
  info: RequestInfo;
  principal?: Principal;
  input?: Record<string, unknown>;
  output?: unknown;
  error?: { code: string; message: string };
  status: number;
}

export interface AuditSink {
  record(record: AuditRecord): void;
  /**
   * Takes a record through the same work as `record` (its event and last-accessed rows built and written) and keeps
   * nothing of it: the start-up warm-up's requests (lib/service/warm-up.ts), so that this code is compiled and
   * optimised before real requests need it. Optional: a sink without it drops those records.
   */
  rehearse?(record: AuditRecord): void;
}

/** A Gatehouse route beside the API (`/_gatehouse/...`), e.g. sign-in, audit query, reset. */
export type RouteHandler = (request: WireRequest) => WireResponse | Promise<WireResponse>;
