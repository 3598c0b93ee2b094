// The one builder of an operation's context from an authenticated request, for the query handler and the routes
// beside it (the audit route), so both hand the authorizer and the operations the same facts.
import type { OperationContext, Principal } from '../core/context';
import type { RequestInfo } from '../core/pipeline';

/** What a context carries besides the request: the service's store, configuration and secret box. */
export type ContextServices = Pick<OperationContext, 'store' | 'config' | 'secrets'>;

/** The context of `info`'s request made by `principal`: its id, time, source address, user agent and transport. */
export function operationContextOf(services: ContextServices, info: RequestInfo, principal: Principal): OperationContext {
  return {
    principal,
    store: services.store,
    config: services.config,
    secrets: services.secrets,
    requestId: info.requestId,
    now: info.now,
    sourceIp: info.request.sourceIp,
    userAgent: info.request.headers['user-agent'] ?? '',
    secureTransport: info.request.secure,
    service: info.service,
    action: info.action,
  };
}
