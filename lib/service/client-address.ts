// Who is calling, as far as the service can know it: the socket's peer, and forwarded headers (X-Forwarded-For,
// X-Forwarded-Proto, RFC 7239 Forwarded) only when that peer is a configured trusted proxy
// (GATEHOUSE_TRUSTED_PROXIES). aws:SourceIp, aws:SecureTransport, the audit trail and sign-in throttling rest on it.
import * as ipaddrNamespace from 'ipaddr.js';
import type { Handler } from '../protocol/handler';
import { clientAddressConflict } from '../protocol/limits';

// ipaddr.js is CommonJS (`export =`): under Node's ESM loader its functions sit on `default`.
type IpAddrModule = typeof ipaddrNamespace;
const ipaddr: IpAddrModule = (ipaddrNamespace as unknown as { default?: IpAddrModule }).default ?? (ipaddrNamespace as IpAddrModule);

type Address = ReturnType<IpAddrModule['parse']>;

/** The client of a request: its address and whether it reached the first trusted hop over TLS. */
export interface ClientInfo {
  sourceIp: string;
  secure: boolean;
}

/** A predicate over addresses: true for the proxies whose forwarded headers are believed. */
export type TrustedProxies = (address: string) => boolean;

/** Nobody is trusted: forwarded headers are ignored (the default). */
export const TRUST_NO_PROXY: TrustedProxies = () => false;

/**
 * Parses a list of CIDR blocks or single addresses (`10.0.0.0/8`, `::1`, `192.0.2.7`); throws naming the first
 * entry that is neither.
 */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const ranges: Array<[Address, number]> = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    try {
      if (entry.includes('/')) {
        const [address, bits] = ipaddr.parseCIDR(entry);
        ranges.push([
          normalise(address),
          address.kind() === 'ipv6' && normalise(address).kind() === 'ipv4' ? Math.max(0, bits - 96) : bits,
        ]);
      } else {
        const address = normalise(ipaddr.parse(entry));
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      throw new Error(`"${entry}" is not an IP address or CIDR block`);
    }
  }
  if (ranges.length === 0) return TRUST_NO_PROXY;
  return (text: string) => {
    const address = parseAddress(text);
    if (!address) return false;
    return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
  };
}

function normalise(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddrNamespace.IPv6).isIPv4MappedAddress()
    ? (address as ipaddrNamespace.IPv6).toIPv4Address()
    : address;
}

function parseAddress(text: string): Address | undefined {
  try {
    return normalise(ipaddr.parse(text.trim()));
  } catch {
    return undefined;
  }
}

/** An address as Gatehouse records and compares it: IPv4-mapped IPv6 as plain IPv4; undefined if not an address. */
export function canonicalAddress(text: string): string | undefined {
  return parseAddress(text)?.toString();
}

/** Canonical forms of socket peers already seen: a server has few distinct peers, and parsing one costs more than the rest of a resolution. */
const peerForms = new Map<string, string>();
const PEER_FORMS_LIMIT = 1024;

function canonicalPeer(text: string): string {
  let form = peerForms.get(text);
  if (form === undefined) {
    form = canonicalAddress(text) ?? text;
    if (peerForms.size >= PEER_FORMS_LIMIT) peerForms.clear();
    peerForms.set(text, form);
  }
  return form;
}

interface Hop {
  address?: string;
  proto?: string;
}

/** RFC 7239 `for=` and `proto=` of each element, leftmost (the original client) first; `named` if any has `for=`. */
function forwardedHops(header: string): { hops: Hop[]; named: boolean } {
  let named = false;
  const hops = header.split(',').map((element) => {
    const hop: Hop = {};
    for (const pair of element.split(';')) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim().toLowerCase();
      let value = pair.slice(eq + 1).trim();
      if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
      if (name === 'for') {
        named = true;
        // "[2001:db8::1]:4711" or "192.0.2.60:8080" or "unknown" / "_obfuscated" (not an address).
        const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
        const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
        hop.address = canonicalAddress(bracketed?.[1] ?? v4port?.[1] ?? value);
      } else if (name === 'proto') {
        hop.proto = value.toLowerCase();
      }
    }
    return hop;
  });
  return { hops, named };
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * A chain of hops walked from the one nearest us: each trusted hop vouches for the one to its left, and the first
 * address that is not a trusted proxy is the client (an address a client wrote to the left of an untrusted hop is
 * never believed). `proto` is the one reported with the outermost hop walked, if any.
 */
function walk(peerAddress: string, hops: Hop[], trusted: TrustedProxies): { sourceIp: string; proto?: string } {
  let sourceIp = peerAddress;
  let proto: string | undefined;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop.address) break; // garbage where an address should be: believe nothing further out
    sourceIp = hop.address;
    if (hop.proto !== undefined) proto = hop.proto;
    if (!trusted(hop.address)) break;
  }
  return { sourceIp, proto };
}

/**
 * The client of a request that arrived from `peer`, or undefined when its forwarded headers contradict each other.
 * Forwarded headers count only when the peer is trusted; then `Forwarded` and `X-Forwarded-For` are each walked
 * from the nearest hop outwards, past trusted proxies (see walk). A proxy may write only one of the two and pass
 * the other through from the client untouched (nginx's `proxy_add_x_forwarded_for` and AWS's ALB write only
 * X-Forwarded-For), and nothing in a request says which one it wrote. So when both carry addresses, they must name
 * the same client, which then is the one the proxy wrote whichever it was; when they differ the request is refused
 * (undefined): there is no address left that is safe to assume — the proxy's own would pass an allow-list of the
 * internal network, either header's would let a client out of a block-list. The protocol is https only if every
 * report of it (X-Forwarded-Proto's last value, the Forwarded hop's proto) says https, so a client can add a claim
 * but never outvote its proxy's.
 */
export function resolveClient(
  peer: ClientInfo,
  headers: Record<string, string | string[] | undefined>,
  trusted: TrustedProxies,
): ClientInfo | undefined {
  const peerAddress = canonicalPeer(peer.sourceIp);
  if (!trusted(peerAddress)) return { sourceIp: peerAddress, secure: peer.secure };

  const forwarded = headerValue(headers, 'forwarded');
  const xff = headerValue(headers, 'x-forwarded-for');
  const xfp = headerValue(headers, 'x-forwarded-proto');
  if (!forwarded && !xff && !xfp) return { sourceIp: peerAddress, secure: peer.secure };

  let byForwarded: { sourceIp: string; proto?: string } | undefined;
  let forwardedProto: string | undefined;
  if (forwarded) {
    const { hops, named } = forwardedHops(forwarded);
    // A Forwarded without any `for=` claims no address (`Forwarded: proto=https`); its nearest element's proto counts.
    if (named) byForwarded = walk(peerAddress, hops, trusted);
    forwardedProto = named ? byForwarded?.proto : hops.at(-1)?.proto;
  }
  const byXff = xff
    ? walk(
        peerAddress,
        xff.split(',').map((entry) => ({ address: canonicalAddress(entry.trim()) })),
        trusted,
      )
    : undefined;
  if (byForwarded && byXff && byForwarded.sourceIp !== byXff.sourceIp) return undefined;

  // X-Forwarded-Proto is set by the proxy nearest us: its last value describes the connection that proxy saw.
  const xfpProto = xfp?.split(',').at(-1)?.trim().toLowerCase() || undefined;
  const protos = [forwardedProto, xfpProto].filter((proto) => proto !== undefined);
  return {
    sourceIp: (byForwarded ?? byXff)?.sourceIp ?? peerAddress,
    secure: protos.length > 0 ? protos.every((proto) => proto === 'https') : peer.secure,
  };
}

/**
 * The handler of a server that faces clients directly (the standalone endpoint): each request's source address
 * and TLS flag become the resolved client's (the request is copied only when they differ). A request whose forwarded
 * headers name two different clients is answered 403 AccessDenied without reaching the handler: a condition on
 * aws:SourceIp cannot be evaluated for it.
 */
export function withResolvedClient(handler: Handler, trusted: TrustedProxies): Handler {
  return async (request) => {
    const client = resolveClient({ sourceIp: request.sourceIp, secure: request.secure }, request.headers, trusted);
    if (!client) return clientAddressConflict();
    return client.sourceIp === request.sourceIp && client.secure === request.secure
      ? await handler(request)
      : await handler({ ...request, ...client });
  };
}
