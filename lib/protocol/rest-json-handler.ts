// The REST-JSON services on the IAM endpoint (IAM Access Analyzer): the same steps as the query handler —
// authenticate (SigV4, signing name `access-analyzer`), decode against the model, authorize
// (`access-analyzer:<Operation>`), run, audit — with REST routing, JSON bodies and REST-JSON errors.
import { newRequestId } from '../crypto/ids';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import type { OperationContext, Principal } from '../core/context';
import { operationContextOf } from './operation-context';
import { logUnexpected, safeAudit } from './safe-audit';
import type { Store } from '../store/types';
import { UnknownOperationException } from '../analyzer/errors';
import { AwsError, ServiceFailure } from '../core/errors';
import type { Authenticator, AuditSink, Authorizer, RequestInfo } from '../core/pipeline';
import {
  compileRoutes,
  decodeRestJsonInput,
  encodeRestJsonError,
  encodeRestJsonOutput,
  matchRoute,
  pathIsKnown,
  restJsonErrorCode,
  type RestJsonModel,
} from './rest-json';
import type { WireRequest, WireResponse } from '../core/wire';

/** An operation of a REST-JSON service: the caller and the decoded input in, the output out. */
export type RestJsonOperation = (principal: Principal, input: Record<string, unknown>, now: Date) => unknown;

export interface RestJsonServiceDeps {
  model: RestJsonModel;
  operations: Record<string, RestJsonOperation>;
  /** Further permissions an operation needs, checked after `signingName:Operation`. */
  extraPermissions?: Record<string, { action: string; resource: string }[]>;
  store: Store;
  config: ServiceConfig;
  secrets: SecretBox;
  authenticator: Authenticator;
  authorizer: Authorizer & { authorizeAction(ctx: OperationContext, action: string, resource: string): Promise<void> };
  audit: AuditSink;
  clock?: () => Date;
}

/** A dispatch for the query handler: answers the requests of this service and returns undefined for others. */
export type ProtocolDispatch = (request: WireRequest) => Promise<WireResponse> | undefined;

/**
 * Builds the dispatch: a request is this service's when its SigV4 credential scope names the signing name,
 * or when it is unsigned and its path is one of the model's (IAM and STS are only served at `/`).
 */
export function createRestJsonDispatch(deps: RestJsonServiceDeps): ProtocolDispatch {
  const routes = compileRoutes(deps.model);
  const clock = deps.clock ?? (() => new Date());
  const signingName = deps.model.signingName;

  // Cheap on IAM's hot path: a substring test of the credential scope, the route table only off `/`.
  const scope = `/${signingName}/aws4_request`;
  const encodedScope = `%2F${signingName}%2Faws4_request`;
  function belongs(request: WireRequest): boolean {
    const header = request.headers['authorization'];
    if (header !== undefined && header.includes(scope)) return true;
    if (header === undefined && request.query.includes(encodedScope)) return true;
    return request.path !== '/' && pathIsKnown(routes, request.path);
  }

  async function handle(request: WireRequest): Promise<WireResponse> {
    const requestId = newRequestId();
    const match = matchRoute(routes, request.method, request.path);
    const info: RequestInfo = {
      request,
      params: new Map(),
      service: 'access-analyzer',
      action: match?.operation ?? 'UnknownOperation',
      requestId,
      now: clock(),
    };
    let principal: Principal | undefined;
    let input: Record<string, unknown> | undefined;
    try {
      principal = await deps.authenticator.authenticate(info);
      if (!match) throw new UnknownOperationException(`No operation of ${signingName} is served at ${request.method} ${request.path}.`);
      const operation = deps.operations[match.operation];
      if (!operation)
        throw new UnknownOperationException(`The operation ${match.operation} of IAM Access Analyzer is not supported by Gatehouse.`);
      input = decodeRestJsonInput(deps.model, match.operation, match.labels, request.query, request.body);
      const ctx = operationContextOf(deps, info, principal);
      await deps.authorizer.authorize(ctx, input);
      for (const extra of deps.extraPermissions?.[match.operation] ?? [])
        await deps.authorizer.authorizeAction(ctx, extra.action, extra.resource);
      const output = await operation(principal, input, info.now);
      const body = encodeRestJsonOutput(deps.model, match.operation, output);
      safeAudit(deps.audit, { info, principal, input, output, status: 200 });
      const status = deps.model.operations[match.operation].http.responseCode;
      return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body };
    } catch (error) {
      const aws =
        error instanceof AwsError
          ? error
          : new ServiceFailure('The request processing has failed because of an unknown error, exception or failure.');
      if (!(error instanceof AwsError)) logUnexpected(error);
      safeAudit(deps.audit, { info, principal, input, error: { code: restJsonErrorCode(aws), message: aws.message }, status: aws.status });
      return encodeRestJsonError(aws, requestId);
    }
  }

  return (request) => (belongs(request) ? handle(request) : undefined);
}
