// next-auth's endpoints (sign-in with CSRF token, session, sign-out), configured once in lib/console.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/console/auth-options';

export const dynamic = 'force-dynamic';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
  const handler = NextAuth(authOptions()) as unknown as (request: NextRequest, context: RouteContext) => Promise<Response>;
  return handler(request, context);
}

export { handle as GET, handle as POST };
