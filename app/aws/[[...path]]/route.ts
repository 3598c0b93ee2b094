// The IAM/STS endpoint on the console's origin: /aws (and /aws/_gatehouse/... routes).
import { headers } from 'next/headers';
import { getService } from '@/lib/service/instance';
import { serveWebRequest } from '@/lib/protocol/web-adapter';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

async function handle(request: Request): Promise<Response> {
  const service = getService();
  const forwarded = (await headers()).get('x-forwarded-for');
  const sourceIp = forwarded?.split(',')[0]?.trim() || '127.0.0.1';
  return serveWebRequest(service.handler, request, '/aws', service.config.maxBodyBytes, sourceIp);
}

export const GET = handle;
export const POST = handle;
// IAM Access Analyzer's REST-JSON operations also use PUT and DELETE.
export const PUT = handle;
export const DELETE = handle;
