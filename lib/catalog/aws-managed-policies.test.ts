// The AWS managed policy catalogue: required policies, ARNs and paths, versions, and the parse cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Catalogue = typeof import('./aws-managed-policies');

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-h3a-catalogue-'));
let previous: string | undefined;
/** The module instance that parsed the data file itself (no cache yet). */
let parsedFromFile: Catalogue;

/** A fresh copy of the module (its in-memory catalogue not loaded yet). */
async function freshCatalogue(): Promise<Catalogue> {
  vi.resetModules();
  return import('./aws-managed-policies');
}

beforeAll(() => {
  previous = process.env.GATEHOUSE_CACHE_DIR;
  process.env.GATEHOUSE_CACHE_DIR = cacheDir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.GATEHOUSE_CACHE_DIR;
  else process.env.GATEHOUSE_CACHE_DIR = previous;
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('AWS managed policy catalogue', () => {
  it('parses the data package, contains the job-function policies and writes the cache', async () => {
    const catalogue = await freshCatalogue();
    parsedFromFile = catalogue;
    const all = catalogue.listAwsManagedPolicies();
    expect(all.length).toBeGreaterThan(1000);
    for (const name of [
      'AdministratorAccess',
      'PowerUserAccess',
      'ReadOnlyAccess',
      'IAMFullAccess',
      'IAMReadOnlyAccess',
      'IAMUserChangePassword',
    ]) {
      const policy = catalogue.getAwsManagedPolicy(`arn:aws:iam::aws:policy/${name}`);
      expect(policy?.policyName).toBe(name);
      expect(policy?.path).toBe('/');
      expect(policy?.versions[0].versionId).toBe(policy?.defaultVersionId);
      expect(JSON.parse(policy!.document).Statement.length).toBeGreaterThan(0);
    }
    const admin = catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess')!;
    expect(JSON.parse(admin.document)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const change = JSON.parse(catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/IAMUserChangePassword')!.document);
    expect(JSON.stringify(change)).toContain('iam:ChangePassword');
    expect(fs.existsSync(path.join(cacheDir, 'aws-managed-policies.json'))).toBe(true);
  }, 60_000);

  it('orders the list by name ignoring case and derives names and paths from ARNs', async () => {
    const catalogue = await freshCatalogue();
    const all = catalogue.listAwsManagedPolicies();
    const keys = all.map((p) => p.policyName.toLowerCase());
    expect([...keys].sort()).toEqual(keys);
    for (const policy of all) {
      expect(policy.arn).toBe(`arn:aws:iam::aws:policy${policy.path}${policy.policyName}`);
      expect(policy.policyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    }
    const lambda = catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaRole');
    expect(lambda?.path).toBe('/service-role/');
    expect(catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/NotAPolicy')).toBeUndefined();
    expect(catalogue.getAwsManagedPolicy('arn:aws:iam::123456789012:policy/AdministratorAccess')).toBeUndefined();
  });

  it('gives the same catalogue from the cache as from the data file, with stable ids', async () => {
    const fromCache = await freshCatalogue();
    expect(fromCache.listAwsManagedPolicies()).toEqual(parsedFromFile.listAwsManagedPolicies());
    const cached = fromCache.getAwsManagedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess')!;
    expect(fromCache.awsManagedPolicyId(cached.arn)).toBe(cached.policyId);
  });

  it('serves older versions on demand and nothing for unknown versions', async () => {
    const catalogue = await freshCatalogue();
    const arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
    const policy = catalogue.getAwsManagedPolicy(arn)!;
    expect(policy.versions.length).toBeGreaterThan(1);
    const v1 = catalogue.getAwsManagedPolicyVersion(arn, 'v1')!;
    expect(v1.isDefaultVersion).toBe(false);
    expect(JSON.parse(v1.document).Statement[0]).toEqual({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    const current = catalogue.getAwsManagedPolicyVersion(arn, policy.defaultVersionId)!;
    expect(current.isDefaultVersion).toBe(true);
    expect(current.document).toBe(policy.document);
    expect(catalogue.getAwsManagedPolicyVersion(arn, 'v9999')).toBeUndefined();
    // Every policy's oldest version is readable (the byte ranges of the data file are right).
    for (const p of catalogue.listAwsManagedPolicies().slice(0, 200)) {
      const oldest = p.versions[p.versions.length - 1];
      expect(catalogue.getAwsManagedPolicyVersion(p.arn, oldest.versionId)?.versionId).toBe(oldest.versionId);
    }
  });

  it('serves older versions of the policies with the longest histories (too large to keep cached), each time', async () => {
    const catalogue = await freshCatalogue();
    const longest = [...catalogue.listAwsManagedPolicies()].sort((a, b) => b.versions.length - a.versions.length).slice(0, 2);
    for (const policy of longest) {
      const oldest = policy.versions[policy.versions.length - 1];
      const first = catalogue.getAwsManagedPolicyVersion(policy.arn, oldest.versionId)!;
      expect(JSON.parse(first.document).Statement).toBeDefined();
      expect(catalogue.getAwsManagedPolicyVersion(policy.arn, oldest.versionId)).toEqual(first);
      expect(catalogue.getAwsManagedPolicyVersion(policy.arn, policy.versions[1].versionId)?.isDefaultVersion).toBe(false);
    }
  }, 60_000);

  it('keeps documents in the cache file, not in memory, and reads each one back exactly', async () => {
    const catalogue = await freshCatalogue();
    const all = catalogue.listAwsManagedPolicies();
    const file = path.join(cacheDir, 'aws-managed-policies.json');
    const cacheText = fs.readFileSync(file, 'utf8');
    expect(cacheText.startsWith('gatehouse-aws-managed-policies 2 ')).toBe(true);
    const admin = catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess')!;
    // The policy object holds no document text of its own: it is read on demand.
    expect(Object.getOwnPropertyDescriptor(admin, 'document')?.get).toBeTypeOf('function');
    expect(cacheText).toContain(admin.document);
    // Spreads and JSON keep the document, as with a plain object.
    expect({ ...admin }.document).toBe(admin.document);
    expect(JSON.parse(JSON.stringify(admin)).document).toBe(admin.document);
    // Every document, read in an order that defeats the small cache of recent ones, equals the parsed one.
    const parsed = new Map(parsedFromFile.listAwsManagedPolicies().map((p) => [p.arn, p.document]));
    for (const policy of [...all].reverse()) expect(policy.document).toBe(parsed.get(policy.arn));
  });

  it('reads from the file it opened even when another process rewrites the cache', async () => {
    const catalogue = await freshCatalogue();
    const before = catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess')!;
    const file = path.join(cacheDir, 'aws-managed-policies.json');
    const original = fs.readFileSync(file);
    // A rewrite is a new file renamed over the name: garbage here, which must not be what this process reads.
    fs.writeFileSync(`${file}.other`, Buffer.alloc(original.length, 'x'));
    fs.renameSync(`${file}.other`, file);
    try {
      expect(JSON.parse(before.document).Statement.length).toBeGreaterThan(0);
      expect(catalogue.getAwsManagedPolicy('arn:aws:iam::aws:policy/PowerUserAccess')!.document).toBe(
        parsedFromFile.getAwsManagedPolicy('arn:aws:iam::aws:policy/PowerUserAccess')!.document,
      );
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('parses the data file again when the cache is damaged, and keeps documents in memory when it cannot write one', async () => {
    const file = path.join(cacheDir, 'aws-managed-policies.json');
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 1000));
    const repaired = await freshCatalogue();
    expect(repaired.listAwsManagedPolicies()).toEqual(parsedFromFile.listAwsManagedPolicies());
    expect(fs.readFileSync(file).length).toBeGreaterThan(1000);

    // A cache directory that cannot be created (a file is in the way): the catalogue still answers everything.
    const blocked = path.join(cacheDir, 'blocked');
    fs.writeFileSync(blocked, '');
    process.env.GATEHOUSE_CACHE_DIR = path.join(blocked, 'cache');
    try {
      const uncached = await freshCatalogue();
      const admin = uncached.getAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess')!;
      expect(JSON.parse(admin.document)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
      expect(uncached.listAwsManagedPolicies()).toEqual(parsedFromFile.listAwsManagedPolicies());
    } finally {
      process.env.GATEHOUSE_CACHE_DIR = cacheDir;
    }
  }, 60_000);
});
