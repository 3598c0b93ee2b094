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
});
