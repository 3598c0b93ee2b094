// The one framework-free IAM/STS endpoint: decode the query protocol, authenticate, authorize, run the
// operation in a store transaction (writes group-committed), audit, answer AWS's XML. Mounted at /aws (Next)
// and / (node:http).
import { newRequestId } from '../crypto/ids';
import type { Operation, OperationContext } from '../iam/context';
import type { ServiceConfig } from '../config';
import type { Store } from '../store/types';
import type { SecretBox } from '../crypto/secrets';
import {
  AwsError,
  InvalidAction,
  InvalidParameterValue,
  MissingAction,
  NotImplemented,
  ServiceFailure,
} from './errors';
import { SERVICE_MODELS, serviceForVersion, type ServiceName } from './model';
import type { Authenticator, AuditSink, Authorizer, RequestInfo, RouteHandler } from './pipeline';
import { decodeInput, parseForm, type QueryParams } from './query';
import type { ProtocolDispatch } from './rest-json-handler';
import type { WireRequest, WireResponse } from './wire';
import { encodeError, encodeResult } from './xml';

export interface HandlerDeps {
  store: Store;
  config: ServiceConfig;
  secrets: SecretBox;
  operations: Record<ServiceName, Record<string, Operation>>;
  authenticator: Authenticator;
  authorizer: Authorizer;
  audit: AuditSink;
  /** Gatehouse's own routes by path (e.g. `/_gatehouse/reset`). */
  routes: Map<string, RouteHandler>;
  /** Other protocols served on the same endpoint (REST-JSON: IAM Access Analyzer); each answers only its own requests. */
  protocols?: ProtocolDispatch[];
  /** The clock, injectable for tests. */
  clock?: () => Date;
}

export type Handler = (request: WireRequest) => Promise<WireResponse>;

function xmlResponse(status: number, body: string, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** Finds the service of a request: by `Version`, else by the operation name when only one service has it. */
function resolveService(params: QueryParams, action: string): ServiceName {
  const version = params.get('Version');
  if (version !== undefined) {
    const service = serviceForVersion(version);
    if (!service) throw new InvalidParameterValue(`The requested version (${version}) of service is not valid.`);
    return service;
  }
  if (action in SERVICE_MODELS.sts.operations && !(action in SERVICE_MODELS.iam.operations)) return 'sts';
  return 'iam';
}

/** Builds the request handler. */
export function createHandler(deps: HandlerDeps): Handler {
  const clock = deps.clock ?? (() => new Date());

  return async function handle(request: WireRequest): Promise<WireResponse> {
    const route = deps.routes.get(request.path);
    if (route) {
      try {
        return await route(request);
      } catch (error) {
        const aws = error instanceof AwsError ? error : new ServiceFailure('The request processing has failed because of an unknown error.');
        if (!(error instanceof AwsError)) logUnexpected(error);
        return { status: aws.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: aws.code, message: aws.message }) };
      }
    }

    for (const dispatch of deps.protocols ?? []) {
      const answer = dispatch(request);
      if (answer) return answer;
    }

    const requestId = newRequestId();
    let namespace = SERVICE_MODELS.iam.xmlNamespace;
    let info: RequestInfo | undefined;
    let principal: OperationContext['principal'] | undefined;
    let input: Record<string, unknown> | undefined;
    try {
      const params: QueryParams = new Map();
      if (request.query) parseForm(request.query, params);
      if (request.method === 'POST') parseForm(request.body, params);
      else if (request.method !== 'GET') throw new InvalidAction(`The HTTP method ${request.method} is not supported; use POST or GET.`);

      const action = params.get('Action');
      if (!action) throw new MissingAction('Missing Action');
      const service = resolveService(params, action);
      const model = SERVICE_MODELS[service];
      namespace = model.xmlNamespace;
      const opModel = Object.prototype.hasOwnProperty.call(model.operations, action) ? model.operations[action] : undefined;
      if (!opModel) throw new InvalidAction(`Could not find operation ${action} for version ${model.apiVersion}`);

      info = { request, params, service, action, requestId, now: clock() };
      principal = deps.authenticator.authenticate(info);

      const operation = deps.operations[service][action];
      if (!operation) throw new NotImplemented(`The operation ${action} of the ${service.toUpperCase()} API is not implemented by Gatehouse.`);
      input = decodeInput(model, opModel.input, params);

      const ctx: OperationContext = {
        principal,
        store: deps.store,
        config: deps.config,
        secrets: deps.secrets,
        requestId,
        now: info.now,
        sourceIp: request.sourceIp,
        userAgent: request.headers['user-agent'] ?? '',
        secureTransport: request.secure,
        service,
        action,
      };
      deps.authorizer.authorize(ctx, input);
      const output = isReadOnly(service, action)
        ? deps.store.read(() => operation(ctx, input))
        : deps.store.groupWrite(() => operation(ctx, input));
      const body = encodeResult(model, action, output, requestId);
      // Nothing is answered before it is committed: writes share one commit per event-loop turn (group commit),
      // and a read that saw them waits for it too.
      await deps.store.settled();
      safeAudit(deps.audit, { info, principal, input, output, status: 200 });
      return xmlResponse(200, body, requestId);
    } catch (error) {
      const aws = error instanceof AwsError ? error : new ServiceFailure('The request processing has failed because of an unknown error, exception or failure.');
      if (!(error instanceof AwsError)) logUnexpected(error);
      if (info) safeAudit(deps.audit, { info, principal, input, error: { code: aws.code, message: aws.message }, status: aws.status });
      return xmlResponse(aws.status, encodeError(namespace, aws, requestId), requestId);
    }
  };
}

/** STS actions named Get… that issue credentials, so write. */
const WRITING_GETS = new Set(['GetSessionToken', 'GetFederationToken']);

/**
 * Whether an operation only reads, so it may run without the write lock. A mistake here is safe for
 * correctness only in the conservative direction: when in doubt an action is treated as a write.
 */
export function isReadOnly(service: ServiceName, action: string): boolean {
  if (service === 'sts') return action === 'GetCallerIdentity' || action === 'GetAccessKeyInfo' || action === 'DecodeAuthorizationMessage';
  return /^(Get|List|Simulate)/.test(action) && !WRITING_GETS.has(action);
}

function safeAudit(audit: AuditSink, record: Parameters<AuditSink['record']>[0]): void {
  try {
    audit.record(record);
  } catch (error) {
    logUnexpected(error);
  }
}

function logUnexpected(error: unknown): void {
  // Only the stack: request parameters (which may hold secrets) never reach the log.
  console.error('[gatehouse] unexpected error:', error instanceof Error ? error.stack : String(error));
}
