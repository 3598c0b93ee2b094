// Types of lib/catalog/extract-managed-policies.mjs (plain JavaScript, so that Node runs it as a script too).
import type { Stats } from 'node:fs';
import type { AwsManagedPolicy } from '../core/managed-policy-catalogue';

/** ARN prefix of every AWS managed policy. */
export const AWS_MANAGED_POLICY_PREFIX: string;
export const CACHE_FORMAT: number;
export const CACHE_MAGIC: string;
/** The cache file's header line's length. */
export const HEADER_BYTES: number;
export const CACHE_FILE_NAME: string;
/** Exit status of the script when the data file was parsed but the cache could not be written. */
export const EXIT_NOT_WRITTEN: number;

/** The metadata of a policy as kept (and cached); its document is found by `documentIndex`. */
export type PolicyMetadata = Omit<AwsManagedPolicy, 'document'> & { documentIndex: number };

/** Byte range of a policy's entry in the data file. */
export interface EntryRange {
  start: number;
  end: number;
}

/** What parsing the data file gives: the policies sorted by name, each with the index of its document. */
export interface ParsedCatalogue {
  policies: PolicyMetadata[];
  documents: string[];
  ranges: Map<string, EntryRange>;
  file: string;
}

/**
 * The metadata kept in the cache file after its header line: valid for one size and mtime of the data file;
 * policy i's document is at `documents[2i]` (offset after the metadata) for `documents[2i + 1]` bytes.
 */
export interface CacheContent {
  format: number;
  source: { file: string; size: number; mtimeMs: number };
  policies: PolicyMetadata[];
  ranges: [string, EntryRange][];
  documents: number[];
}

/** The cache directory when GATEHOUSE_CACHE_DIR is unset. */
export function defaultCacheDirectory(): string;
/** The data package's JSON file, resolved from each base file in turn; throws when it is not installed. */
export function locateDataPackageFile(bases: (string | undefined)[]): string;
/** Formats a policy document as AWS shows its managed policies' documents. */
export function formatDocument(document: unknown): string;
/** A deterministic 21-character `ANPA…` id for an AWS managed policy ARN. */
export function awsManagedPolicyId(arn: string): string;
/** Parses the data file. */
export function parseManagedPolicies(file: string): ParsedCatalogue;
/** Writes the cache file (temporary name, then rename); false when it could not be written. */
export function writeManagedPolicyCache(parsed: ParsedCatalogue, stat: Pick<Stats, 'size' | 'mtimeMs'>, target: string): boolean;
/** package.json's `postinstall`: the extract at the default locations; never throws, says what it did in one line. */
export function extractAtInstall(): void;
