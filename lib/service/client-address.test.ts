// The client of a request: forwarded headers believed only from trusted proxies; stamps only from this process.
import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { WireRequest } from '../core/wire';
import { parseTrustedProxies, resolveClient, TRUST_NO_PROXY, withResolvedClient } from './client-address';
import { CLIENT_CONFLICT, CLIENT_STAMP_HEADER, readClientStamp, stampClient, stampRequest } from './client-stamp';

const peer = (sourceIp: string, secure = false) => ({ sourceIp, secure });

describe('resolveClient', () => {
  it('ignores forwarded headers from a peer that is not a trusted proxy (the default)', () => {
    const headers = { 'x-forwarded-for': '192.0.2.77', 'x-forwarded-proto': 'https', forwarded: 'for=192.0.2.78;proto=https' };
    expect(resolveClient(peer('127.0.0.1'), headers, TRUST_NO_PROXY)).toEqual({ sourceIp: '127.0.0.1', secure: false });
    expect(
      resolveClient(peer('::ffff:10.0.0.1'), { ...headers, 'x-forwarded-for': '192.0.2.78' }, parseTrustedProxies(['10.0.0.0/8'])),
    ).toMatchObject({ sourceIp: '192.0.2.78' });
    expect(resolveClient(peer('::ffff:127.0.0.1'), {}, TRUST_NO_PROXY)?.sourceIp).toBe('127.0.0.1');
  });

  it('walks X-Forwarded-For from the nearest hop past trusted proxies only', () => {
    const trusted = parseTrustedProxies(['10.0.0.0/8', '::1']);
    // The client wrote 6.6.6.6 itself; the edge proxy 10.0.0.5 appended the address it saw.
    const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.0.0.5', 'x-forwarded-proto': 'https' };
    expect(resolveClient(peer('10.0.0.2'), headers, trusted)).toEqual({ sourceIp: '198.51.100.9', secure: true });
    expect(resolveClient(peer('::1'), { 'x-forwarded-for': 'not-an-ip, 10.0.0.7' }, trusted)).toEqual({
      sourceIp: '10.0.0.7',
      secure: false,
    });
  });

  it('reads RFC 7239 Forwarded (quoted IPv6 with port, proto of the client hop)', () => {
    const trusted = parseTrustedProxies(['10.0.0.1']);
    const headers = { forwarded: 'for="[2001:db8::17]:4711";proto=https, for=10.0.0.1;proto=http' };
    expect(resolveClient(peer('10.0.0.1'), headers, trusted)).toEqual({ sourceIp: '2001:db8::17', secure: true });
  });

  it('refuses a client-written Forwarded that an X-Forwarded-For-only proxy passed through, and the reverse', () => {
    const trusted = parseTrustedProxies(['127.0.0.1']);
    // nginx's proxy_add_x_forwarded_for / ALB: the proxy appended 192.0.2.9, the client wrote Forwarded itself.
    expect(resolveClient(peer('127.0.0.1'), { 'x-forwarded-for': '192.0.2.9', forwarded: 'for=10.1.2.3' }, trusted)).toBeUndefined();
    expect(
      resolveClient(peer('127.0.0.1'), { 'x-forwarded-for': '10.1.2.3, 192.0.2.9', forwarded: 'for=10.1.2.3' }, trusted),
    ).toBeUndefined();
    // Garbage in the client's Forwarded would otherwise leave the proxy's own address, which an allow-list may name.
    expect(resolveClient(peer('127.0.0.1'), { 'x-forwarded-for': '192.0.2.9', forwarded: 'for=unknown' }, trusted)).toBeUndefined();
    // A Forwarded-only proxy that passes the client's X-Forwarded-For through.
    expect(resolveClient(peer('127.0.0.1'), { forwarded: 'for=192.0.2.9', 'x-forwarded-for': '10.1.2.3' }, trusted)).toBeUndefined();
  });

  it('believes the client both headers agree on, and a Forwarded without for= claims no address', () => {
    const trusted = parseTrustedProxies(['127.0.0.1', '10.0.0.0/8']);
    expect(resolveClient(peer('127.0.0.1'), { 'x-forwarded-for': '6.6.6.6, 192.0.2.9', forwarded: 'for=192.0.2.9' }, trusted)).toEqual({
      sourceIp: '192.0.2.9',
      secure: false,
    });
    expect(
      resolveClient(peer('127.0.0.1'), { 'x-forwarded-for': '192.0.2.9, 10.0.0.5', forwarded: 'for=192.0.2.9, for=10.0.0.5' }, trusted),
    ).toEqual({ sourceIp: '192.0.2.9', secure: false });
    expect(resolveClient(peer('127.0.0.1'), { 'x-forwarded-for': '192.0.2.9', forwarded: 'proto=http' }, trusted)).toEqual({
      sourceIp: '192.0.2.9',
      secure: false,
    });
  });

  it('reports TLS only when every protocol report says https (a client can never outvote its proxy)', () => {
    const trusted = parseTrustedProxies(['127.0.0.1']);
    const resolve = (headers: Record<string, string>, secure = false) => resolveClient(peer('127.0.0.1', secure), headers, trusted)?.secure;
    expect(resolve({ 'x-forwarded-for': '192.0.2.9', 'x-forwarded-proto': 'https' })).toBe(true);
    expect(resolve({ 'x-forwarded-for': '192.0.2.9', 'x-forwarded-proto': 'http', forwarded: 'for=192.0.2.9;proto=https' })).toBe(false);
    expect(resolve({ forwarded: 'for=192.0.2.9;proto=http', 'x-forwarded-proto': 'https' })).toBe(false);
    expect(resolve({ 'x-forwarded-for': '192.0.2.9', 'x-forwarded-proto': 'http', forwarded: 'proto=https' })).toBe(false);
    expect(resolve({ forwarded: 'for=192.0.2.9;proto=https', 'x-forwarded-proto': 'https' })).toBe(true);
    expect(resolve({ 'x-forwarded-proto': 'http' }, true)).toBe(false);
    expect(resolve({ 'x-forwarded-for': '192.0.2.9' }, true)).toBe(true);
  });

  it('refuses configuration entries that are not addresses or blocks', () => {
    expect(() => parseTrustedProxies(['10.0.0.0/8', 'proxy.internal'])).toThrow('"proxy.internal" is not an IP address or CIDR block');
    expect(parseTrustedProxies(['192.0.2.7'])('192.0.2.7')).toBe(true);
    expect(parseTrustedProxies(['192.0.2.7'])('192.0.2.8')).toBe(false);
  });
});

describe('withResolvedClient', () => {
  it('hands the handler each request with its resolved client (the request itself when that changes nothing)', async () => {
    const seen: WireRequest[] = [];
    const handler = withResolvedClient(
      async (request) => {
        seen.push(request);
        return { status: 200, headers: {}, body: '' };
      },
      parseTrustedProxies(['10.0.0.0/8']),
    );
    const direct: WireRequest = { method: 'POST', path: '/', query: '', headers: {}, body: '', sourceIp: '127.0.0.1', secure: false };
    const forwarded = { 'x-forwarded-for': '198.51.100.9', 'x-forwarded-proto': 'https' };
    await handler(direct);
    // The same peer twice: the second answer comes from the remembered canonical form, and must be the same.
    await handler({ ...direct, sourceIp: '::ffff:127.0.0.1' });
    await handler({ ...direct, sourceIp: '::ffff:127.0.0.1' });
    await handler({ ...direct, sourceIp: '10.0.0.2', headers: forwarded });
    await handler({ ...direct, headers: forwarded });
    const refused = await handler({
      ...direct,
      sourceIp: '10.0.0.2',
      headers: { 'x-forwarded-for': '198.51.100.9', forwarded: 'for=10.1.2.3' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('<Code>AccessDenied</Code>');
    expect(seen[0]).toBe(direct);
    expect(seen.map((request) => [request.sourceIp, request.secure])).toEqual([
      ['127.0.0.1', false],
      ['127.0.0.1', false],
      ['127.0.0.1', false],
      ['198.51.100.9', true],
      ['127.0.0.1', false],
    ]);
  });
});

describe('client stamps', () => {
  const socket = (remoteAddress: string) => ({ remoteAddress }) as unknown as Socket;
  const request = (headers: Record<string, string>) => ({ headers: { ...headers } }) as unknown as IncomingMessage;

  it('overwrites whatever a client sends under the stamp header with its resolved address', () => {
    const forged = request({ [CLIENT_STAMP_HEADER]: '192.0.2.77 https 99999999999999 AAAA', 'x-forwarded-for': '192.0.2.77' });
    stampRequest(forged, socket('203.0.113.5'), TRUST_NO_PROXY);
    expect(readClientStamp(forged.headers[CLIENT_STAMP_HEADER] as string)).toEqual({ sourceIp: '203.0.113.5', secure: false });
  });

  it('stamps the conflict, never a client (so /aws refuses the request), when Forwarded and X-Forwarded-For name different clients', () => {
    const forged = request({ [CLIENT_STAMP_HEADER]: 'junk', 'x-forwarded-for': '192.0.2.9', forwarded: 'for=10.1.2.3' });
    stampRequest(forged, socket('127.0.0.1'), parseTrustedProxies(['127.0.0.1']));
    expect(forged.headers[CLIENT_STAMP_HEADER]).toBe(CLIENT_CONFLICT);
    expect(readClientStamp(CLIENT_CONFLICT)).toBeUndefined();
  });

  it('replaces a client-sent conflict marker with the resolved client', () => {
    const sent = request({ [CLIENT_STAMP_HEADER]: CLIENT_CONFLICT });
    stampRequest(sent, socket('203.0.113.5'), TRUST_NO_PROXY);
    expect(readClientStamp(sent.headers[CLIENT_STAMP_HEADER] as string)).toEqual({ sourceIp: '203.0.113.5', secure: false });
  });

  it('keeps a stamp this process signed (the console relaying the browser), until it expires', () => {
    const now = Date.now();
    const relayed = request({ [CLIENT_STAMP_HEADER]: stampClient({ sourceIp: '198.51.100.4', secure: true }, now) });
    stampRequest(relayed, socket('127.0.0.1'), TRUST_NO_PROXY, now);
    expect(readClientStamp(relayed.headers[CLIENT_STAMP_HEADER] as string, now)).toEqual({ sourceIp: '198.51.100.4', secure: true });
    expect(readClientStamp(relayed.headers[CLIENT_STAMP_HEADER] as string, now + 10 * 60_000)).toBeUndefined();
    const tampered = (relayed.headers[CLIENT_STAMP_HEADER] as string).replace('198.51.100.4', '192.0.2.77');
    expect(readClientStamp(tampered, now)).toBeUndefined();
  });
});
