// The console's address as the person sees it, for the sign-in URLs shown on pages: the configured public URL
// (NEXTAUTH_URL), else the host and scheme the browser used for this request (behind a proxy: X-Forwarded-*).
import 'server-only';
import { headers } from 'next/headers';
import { consoleEnv } from './env';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The origin of the console from a configured URL or request headers; exported for tests. */
export function originFrom(configured: string | undefined, header: (name: string) => string | null, fallback: string): string {
  if (configured) return configured;
  const host = (header('x-forwarded-host') ?? header('host'))?.split(',')[0]?.trim();
  if (!host || !HOST.test(host)) return fallback;
  const proto = header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/** The console's public origin for this request, without a trailing slash. */
export async function consolePublicOrigin(): Promise<string> {
  const env = consoleEnv();
  const list = await headers();
  return originFrom(env.publicUrl, (name) => list.get(name), env.nextAuthUrl);
}
