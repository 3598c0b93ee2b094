// The simulation in the URL: JSON, deflated (CompressionStream 'deflate-raw'), base64url — short enough to
// share, and read back with every field checked (a hand-edited link never crashes the page).

import { emptyState, type PrincipalRef, type SimulationState, type SimulatorPolicy, type SimulatorPolicyKind } from './types';

/** Version tag of the encoding, so that a future format can still read old links. */
const FORMAT = 1;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Drops empty parts so that links stay short. */
function compact(state: SimulationState): Record<string, unknown> {
  const out: Record<string, unknown> = { v: FORMAT, m: state.mode };
  if (state.principal) out.p = state.principal;
  if (state.policies.length) out.d = state.policies.map((p) => [p.id, p.kind, p.label, p.text]);
  if (Object.keys(state.overrides).length) out.o = state.overrides;
  if (state.actions.length) out.a = state.actions;
  if (state.resources.length) out.r = state.resources;
  if (Object.keys(state.context).length) out.c = state.context;
  if (state.callerArn) out.ca = state.callerArn;
  if (Object.keys(state.principalTags).length) out.t = state.principalTags;
  if (state.comparePrincipals.length) out.cp = state.comparePrincipals;
  return out;
}

/** Encodes a simulation for the URL (`?s=`). */
export async function encodeState(state: SimulationState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(compact(state)));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

const KINDS: SimulatorPolicyKind[] = ['identity', 'boundary', 'session', 'resource'];
const PRINCIPAL_TYPES = ['user', 'group', 'role'];

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function principalRef(v: unknown): PrincipalRef | undefined {
  if (!isRecord(v) || !PRINCIPAL_TYPES.includes(v.type as string) || !isString(v.name) || !v.name) return undefined;
  return { type: v.type as PrincipalRef['type'], name: v.name };
}

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, value] of Object.entries(v)) if (isString(value)) out[k] = value;
  return out;
}

/** Reads a simulation from its URL form; undefined when the text is not one (corrupt, truncated, foreign). */
export async function decodeState(text: string): Promise<SimulationState | undefined> {
  let raw: unknown;
  try {
    const bytes = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'));
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw.v !== FORMAT) return undefined;
  const state = emptyState();
  state.mode = raw.m === 'custom' ? 'custom' : 'principal';
  state.principal = principalRef(raw.p);
  if (Array.isArray(raw.d)) {
    state.policies = raw.d
      .filter((e): e is unknown[] => Array.isArray(e) && e.length === 4 && e.every(isString) && KINDS.includes(e[1] as SimulatorPolicyKind))
      .map((e) => ({ id: e[0], kind: e[1], label: e[2], text: e[3] }) as SimulatorPolicy);
  }
  state.overrides = stringRecord(raw.o);
  if (Array.isArray(raw.a)) state.actions = raw.a.filter(isString);
  if (Array.isArray(raw.r)) state.resources = raw.r.filter(isString);
  if (isRecord(raw.c)) {
    for (const [key, values] of Object.entries(raw.c)) {
      if (Array.isArray(values)) state.context[key] = values.filter(isString);
    }
  }
  if (isString(raw.ca)) state.callerArn = raw.ca;
  state.principalTags = stringRecord(raw.t);
  if (Array.isArray(raw.cp)) state.comparePrincipals = raw.cp.map(principalRef).filter((p): p is PrincipalRef => p !== undefined);
  return state;
}
