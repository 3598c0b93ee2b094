// Calls Gatehouse's own routes beside the API (`{endpoint}/_gatehouse/...`), SigV4-signed with the session's
// credentials like any IAM request, e.g. the audit trail.
import 'server-only';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { consoleEnv, type IamTarget } from './env';
import type { ConsoleCredentials } from './principal';
import { relayHeaders } from './client-relay';

/** A Gatehouse route that is not there: the target is AWS, or an endpoint without this route. */
export class GatehouseRouteUnavailable extends Error {
  constructor(
    readonly reason: 'aws' | 'missing' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

/** The route answered with an error status. */
export class GatehouseRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * The SigV4-signed headers of a request to one of Gatehouse's own routes, signed with the session's credentials as
 * any IAM or STS call is (for the service named). The `host` header is signed but left to fetch to send.
 */
export async function signGatehouseRequest(request: {
  method: 'GET' | 'POST';
  url: URL;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  service: 'iam' | 'sts';
  credentials: ConsoleCredentials;
}): Promise<Record<string, string>> {
  const { url, credentials } = request;
  const signer = new SignatureV4({
    service: request.service,
    region: consoleEnv().region,
    sha256: Sha256,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: request.query,
      headers: { host: url.host, ...request.headers },
      body: request.body,
    }),
  );
  const { host: _host, ...headers } = signed.headers;
  return headers;
}

/**
 * POSTs an empty body to `{endpoint}/_gatehouse/{route}` (with `query`, signed too) signed for service `sts` with
 * `credentials` (sign-in with keys, sign-out), relaying the browser's address; the response as it came (15 s at most).
 */
export async function postGatehouseRoute(
  route: string,
  credentials: ConsoleCredentials,
  target: IamTarget & { endpoint: string },
  query?: Record<string, string>,
): Promise<Response> {
  const url = new URL(`${target.endpoint}/_gatehouse/${route}`);
  const headers = await signGatehouseRequest({ method: 'POST', url, query, body: '', service: 'sts', credentials });
  if (query) url.search = new URLSearchParams(query).toString();
  return fetch(url, {
    method: 'POST',
    headers: { ...headers, ...(await relayHeaders(target)) },
    body: '',
    cache: 'no-store',
    signal: AbortSignal.timeout(15_000),
  });
}

/** GETs `{endpoint}/_gatehouse/{route}?query` signed for service `iam`, returning the parsed JSON. */
export async function fetchGatehouseRoute<T>(
  route: string,
  query: Record<string, string | undefined>,
  credentials: ConsoleCredentials,
  target: IamTarget = consoleEnv().target,
): Promise<T> {
  if (target.kind === 'aws') throw new GatehouseRouteUnavailable('aws', 'This is a Gatehouse feature; the console is connected to AWS.');
  const url = new URL(`${target.endpoint}/_gatehouse/${route}`);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params[k] = v;
  const signedHeaders = await signGatehouseRequest({
    method: 'GET',
    url,
    query: params,
    headers: { accept: 'application/json' },
    service: 'iam',
    credentials,
  });
  const search = new URLSearchParams(params).toString();
  let response: Response;
  try {
    response = await fetch(`${url.origin}${url.pathname}${search ? `?${search}` : ''}`, {
      method: 'GET',
      headers: { ...signedHeaders, ...(await relayHeaders(target)) },
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new GatehouseRouteUnavailable('unreachable', `The endpoint ${target.endpoint} could not be reached.`);
  }
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (response.status === 404 && (!body || body.error === 'NotFound' || body.error === undefined)) {
    throw new GatehouseRouteUnavailable('missing', `This endpoint does not offer /_gatehouse/${route}.`);
  }
  if (!response.ok) {
    const code = typeof body?.error === 'string' ? body.error : (/<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? `HTTP${response.status}`);
    const message =
      typeof body?.message === 'string'
        ? body.message
        : (/<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? `The route answered ${response.status}.`);
    throw Object.assign(new GatehouseRouteError(response.status, code, message), {
      $metadata: { httpStatusCode: response.status },
      $fault: response.status < 500 ? 'client' : 'server',
    });
  }
  if (!body) throw new GatehouseRouteUnavailable('missing', `This endpoint's /_gatehouse/${route} did not answer JSON.`);
  return body as T;
}
