// Carries the browser's address to the IAM endpoint on the console's own server-side calls, through a channel
// the service trusts: to the embedded /aws, the stamp this process put on the browser's request (HMAC, key
// never leaves the process; see lib/service/client-stamp.ts); to another Gatehouse endpoint, X-Forwarded-For,
// which that endpoint believes only if it lists the console among its GATEHOUSE_TRUSTED_PROXIES; to AWS, nothing.
import 'server-only';
import { headers } from 'next/headers';
import { CLIENT_STAMP_HEADER, readClientStamp } from '../service/client-stamp';
import type { IamTarget } from './env';

/** The stamp of the browser request being served, when there is one (undefined outside a request). */
export async function browserStamp(): Promise<string | undefined> {
  try {
    return (await headers()).get(CLIENT_STAMP_HEADER) ?? undefined;
  } catch {
    return undefined; // not within a request (e.g. start-up)
  }
}

/** The browser's address as this process resolved it, or undefined outside a request. */
export async function browserAddress(): Promise<string | undefined> {
  return readClientStamp(await browserStamp())?.sourceIp;
}

/** The headers that carry the browser's address to `target` on a call made for the current request. */
export async function relayHeaders(target: IamTarget): Promise<Record<string, string>> {
  if (target.kind === 'aws') return {};
  const stamp = await browserStamp();
  if (!stamp) return {};
  if (target.kind === 'embedded') return { [CLIENT_STAMP_HEADER]: stamp };
  const client = readClientStamp(stamp);
  return client ? { 'x-forwarded-for': client.sourceIp, 'x-forwarded-proto': client.secure ? 'https' : 'http' } : {};
}
