// The one framework-free IAM/STS endpoint: authenticate (SigV4 over the raw body), decode the query protocol,
// authorize, run the operation in a store transaction (writes group-committed), audit, answer AWS's XML.
// Mounted at /aws (Next) and / (node:http).
import { newRequestId } from '../crypto/ids';
import type { WireOperations, OperationContext } from '../core/context';
import { isPureCreation, isReadOnlyAction } from '../core/write-kinds';
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
  Throttling,
  THROTTLING_MESSAGE,
} from '../core/errors';
import { createLoadShedder } from './load-shedding';
import { SERVICE_MODELS, serviceForVersion, type ServiceName } from './model';
import { operationContextOf } from './operation-context';
import { logUnexpected, safeAudit } from './safe-audit';
import type { Authenticator, AuditSink, Authorizer, RequestInfo, RouteHandler } from '../core/pipeline';
import { decodeInput, parseForm, peekParameters, type QueryParams } from './query';
import type { ProtocolDispatch } from './rest-json-handler';
import type { WireRequest, WireResponse } from '../core/wire';
import { encodeError, encodeResult } from './xml';

export interface HandlerDeps {
  store: Store;
  config: ServiceConfig;
  secrets: SecretBox;
  operations: Record<ServiceName, WireOperations>;
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

/** What a request is answered when it has waited too long to be served (IAM's throttling error). */

export type Handler = (request: WireRequest) => Promise<WireResponse>;

/** The parameters read before authentication: which service and operation the request is for. */
const HEAD_PARAMETERS = ['Action', 'Version'] as const;

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
  const shedder = createLoadShedder(deps.config.maxQueueMs);

  return async function handle(request: WireRequest): Promise<WireResponse> {
    const route = deps.routes.get(request.path);
    if (route) {
      try {
        return await route(request);
      } catch (error) {
        const aws =
          error instanceof AwsError ? error : new ServiceFailure('The request processing has failed because of an unknown error.');
        if (!(error instanceof AwsError)) logUnexpected(error);
        return {
          status: aws.status,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ error: aws.code, message: aws.message }),
        };
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
      if (request.method !== 'POST' && request.method !== 'GET') {
        throw new InvalidAction(`The HTTP method ${request.method} is not supported; use POST or GET.`);
      }
      // Invariant: nothing but Action and Version is decoded before the signature is verified; SigV4 needs only
      // the raw body's hash, so an unauthenticated body costs its hash and one scan, never a decode.
      const head: QueryParams = new Map();
      peekParameters(request.query, HEAD_PARAMETERS, head);
      if (request.method === 'POST') peekParameters(request.body, HEAD_PARAMETERS, head);

      const action = head.get('Action');
      if (!action) throw new MissingAction('Missing Action');
      const service = resolveService(head, action);
      const model = SERVICE_MODELS[service];
      namespace = model.xmlNamespace;
      const opModel = Object.prototype.hasOwnProperty.call(model.operations, action) ? model.operations[action] : undefined;
      if (!opModel) throw new InvalidAction(`Could not find operation ${action} for version ${model.apiVersion}`);
      if (!shedder.admit()) throw new Throttling(THROTTLING_MESSAGE);

      info = { request, params: head, service, action, requestId, now: clock() };
      principal = await deps.authenticator.authenticate(info);

      const params: QueryParams = new Map();
      parseForm(request.query, params);
      if (request.method === 'POST') parseForm(request.body, params);
      info.params = params;
      const operation = deps.operations[service][action];
      if (!operation)
        throw new NotImplemented(`The operation ${action} of the ${service.toUpperCase()} API is not implemented by Gatehouse.`);
      input = decodeInput(model, opModel.input, params);

      const ctx = operationContextOf(deps, info, principal);
      await deps.authorizer.authorize(ctx, input);
      // Work that must not run inside the unit (scrypt), on libuv's thread pool.
      if (operation.prepare) ctx.passwords = await operation.prepare(ctx, input ?? {});
      const readOnly = isReadOnlyAction(service, action);
      const output = readOnly
        ? await deps.store.read((store) => operation(scoped(ctx, store), input ?? {}))
        : await deps.store.groupWrite(async (store) => {
            const result = await operation(scoped(ctx, store), input ?? {});
            // Other instances on the same database drop their caches when this unit commits (SQLite: no-op).
            if (announcesChange(service, action)) await store.announceChange();
            return result;
          });
      if (!readOnly) deps.authorizer.written?.(ctx, input ?? {});
      const body = encodeResult(model, action, output, requestId);
      // Nothing is answered before it is committed: writes share one commit per event-loop turn (group commit),
      // and a read that saw them waits for it too.
      await deps.store.settled();
      safeAudit(deps.audit, { info, principal, input, output, status: 200 });
      return xmlResponse(200, body, requestId);
    } catch (error) {
      const aws =
        error instanceof AwsError
          ? error
          : new ServiceFailure('The request processing has failed because of an unknown error, exception or failure.');
      if (!(error instanceof AwsError)) logUnexpected(error);
      if (info) safeAudit(deps.audit, { info, principal, input, error: { code: aws.code, message: aws.message }, status: aws.status });
      return xmlResponse(aws.status, encodeError(namespace, aws, requestId), requestId);
    }
  };
}

/**
 * IAM writes that can change what an instance caches (keys, principals, policy sets, entity lookups): every write
 * but a pure creation (caches hold only entities that exist). STS writes add sessions, which are read every time.
 */
function announcesChange(service: ServiceName, action: string): boolean {
  return service === 'iam' && !isPureCreation(action);
}

/** The context with the store of the unit the operation runs in (PostgreSQL: the unit's transaction). */
function scoped(ctx: OperationContext, store: OperationContext['store']): OperationContext {
  return store === ctx.store ? ctx : { ...ctx, store };
}
