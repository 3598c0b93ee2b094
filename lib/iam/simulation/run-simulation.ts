// Runs lib/policy's simulator for the Simulate* operations and pages its AWS-shaped results (MaxItems/Marker).
import type { ContextEntry as SdkContextEntry } from '../../core/generated/iam-types';
import { PolicyParseError, simulatePolicies, type ContextEntry, type SimulationInput } from '../../policy';
import { MalformedPolicyDocument } from '../../core/errors';
import { paginateArray } from '../pagination';

/** API context entries as the engine takes them. */
export function contextEntriesOf(entries: SdkContextEntry[] | undefined): ContextEntry[] {
  return (entries ?? []).map((e) => ({
    ContextKeyName: e.ContextKeyName ?? '',
    ContextKeyValues: e.ContextKeyValues ?? [],
    ContextKeyType: e.ContextKeyType as ContextEntry['ContextKeyType'],
  }));
}

/** Simulates and returns one page of `EvaluationResults`, in action × resource order. */
export function runSimulation(input: SimulationInput, page: { MaxItems?: number; Marker?: string }) {
  let results;
  try {
    results = simulatePolicies(input).results;
  } catch (error) {
    if (error instanceof PolicyParseError) throw new MalformedPolicyDocument(error.message);
    throw error;
  }
  const keyed = results.map((result, i) => ({ key: String(i).padStart(8, '0'), result }));
  const { items, IsTruncated, Marker } = paginateArray(keyed, (k) => k.key, page.Marker, page.MaxItems);
  return { EvaluationResults: items.map((k) => k.result), IsTruncated, Marker };
}
