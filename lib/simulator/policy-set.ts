// Compiles the simulator's policy documents into the engine's PolicySet, remembering compiled texts so that a
// what-if edit recompiles only the policy that changed.

import { LRUCache } from 'lru-cache';
import { compilePolicy, PolicyParseError, type CompiledPolicy, type PolicySet, type PolicyType } from '@/lib/policy';
import type { SimulatorPolicy, SimulatorPolicyKind } from './types';

/** A policy that could not be compiled: it takes no part in the simulation, and the console says so. */
export interface PolicyCompileError {
  policyId: string;
  message: string;
}

/** The compiled policies of a simulation, grouped as the engine wants them. */
export interface CompiledSimulation {
  set: PolicySet;
  errors: PolicyCompileError[];
  /** Compiled policy by simulator policy id. */
  byId: Map<string, CompiledPolicy>;
}

const POLICY_TYPES: Record<SimulatorPolicyKind | 'trust', PolicyType> = {
  identity: 'identity',
  boundary: 'boundary',
  session: 'session',
  resource: 'resource',
  trust: 'trust',
};

const CACHE_LIMIT = 512;
const cache = new LRUCache<string, CompiledPolicy | PolicyCompileError>({ max: CACHE_LIMIT });

/** Compiles one policy text (cached by id, kind and text); a parse failure comes back as an error, never thrown. */
export function compileCached(id: string, kind: SimulatorPolicyKind | 'trust', text: string): CompiledPolicy | PolicyCompileError {
  const key = `${kind}\u0000${id}\u0000${text}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    try {
      entry = compilePolicy(text, { policyId: id, policyType: POLICY_TYPES[kind] });
    } catch (error) {
      const message =
        error instanceof PolicyParseError
          ? error.findings.map((f) => f.message).join(' ') || error.message
          : error instanceof Error
            ? error.message
            : String(error);
      entry = { policyId: id, message };
    }
    cache.set(key, entry);
  }
  return entry;
}

function isError(entry: CompiledPolicy | PolicyCompileError): entry is PolicyCompileError {
  return 'message' in entry && !('statements' in entry);
}

/**
 * Builds the policy set. A kind with no policy is absent from the set (a boundary or session part is only
 * present when at least one such policy compiled, as AWS: "no boundary" means no limit).
 */
export function compileSimulation(policies: SimulatorPolicy[], overrides: Record<string, string> = {}): CompiledSimulation {
  const set: PolicySet = { identity: [] };
  const errors: PolicyCompileError[] = [];
  const byId = new Map<string, CompiledPolicy>();
  for (const policy of policies) {
    const text = overrides[policy.id] ?? policy.text;
    const entry = compileCached(policy.id, policy.kind, text);
    if (isError(entry)) {
      errors.push(entry);
      continue;
    }
    byId.set(policy.id, entry);
    if (policy.kind === 'identity') set.identity.push(entry);
    else (set[policy.kind] ??= []).push(entry);
  }
  return { set, errors, byId };
}
