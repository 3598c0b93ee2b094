// The IAM/STS endpoint on the console's origin: /aws (and /aws/_gatehouse/... routes).
import { getService } from '@/lib/service/instance';
import { serveWebRequest } from '@/lib/protocol/web-adapter';
import { BodyBudget, clientAddressConflict } from '@/lib/protocol/limits';
import { CLIENT_CONFLICT, CLIENT_STAMP_HEADER, readClientStamp } from '@/lib/service/client-stamp';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Body bytes held for this mount's requests not yet handled (GATEHOUSE_MAX_BUFFERED_BODY_BYTES), made at first use. */
let budget: BodyBudget | undefined;

async function handle(request: Request): Promise<Response> {
  const service = await getService();
  budget ??= new BodyBudget(service.config.maxBufferedBodyBytes);
  // The client as stamped on arrival (instrumentation.ts): socket peer, forwarded headers only from trusted proxies.
  const stamp = request.headers.get(CLIENT_STAMP_HEADER);
  if (stamp === CLIENT_CONFLICT) {
    await request.body?.cancel().catch(() => undefined);
    const refused = clientAddressConflict();
    return new Response(refused.body, { status: refused.status, headers: refused.headers });
  }
  const client = readClientStamp(stamp);
  if (!client) {
    // Only a request that arrived before start-up finished has no stamp: refuse rather than guess its address.
    return new Response(
      '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>The service is starting; retry the request.</Message></Error><RequestId>0</RequestId></ErrorResponse>',
      { status: 503, headers: { 'content-type': 'text/xml', 'retry-after': '1' } },
    );
  }
  return serveWebRequest(service.handler, request, '/aws', service.config.maxBodyBytes, client.sourceIp, client.secure, budget);
}

export const GET = handle;
export const POST = handle;
// IAM Access Analyzer's REST-JSON operations also use PUT and DELETE.
export const PUT = handle;
export const DELETE = handle;
