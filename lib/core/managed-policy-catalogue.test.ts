import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../store/types';
import { resolveManagedPolicy } from '../authz/resolve-policy';
import { awsManagedPolicyCatalogue } from '../catalog/aws-managed-policies';
import {
  installManagedPolicyCatalogue,
  isAwsManagedPolicyArn,
  type AwsManagedPolicy,
  type ManagedPolicyCatalogue,
} from './managed-policy-catalogue';

const DENY_ALL: AwsManagedPolicy = {
  arn: 'arn:aws:iam::aws:policy/ExampleDenyAll',
  policyName: 'ExampleDenyAll',
  path: '/',
  policyId: 'ANPAEXAMPLEEXAMPLEEXA',
  defaultVersionId: 'v1',
  createDate: '2026-01-01T00:00:00Z',
  updateDate: '2026-01-01T00:00:00Z',
  versions: [{ versionId: 'v1', createDate: '2026-01-01T00:00:00Z' }],
  document: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
};

const fake: ManagedPolicyCatalogue = {
  get: (arn) => (arn === DENY_ALL.arn ? DENY_ALL : undefined),
  list: () => [DENY_ALL],
  getVersion: () => undefined,
};

afterEach(() => {
  installManagedPolicyCatalogue(awsManagedPolicyCatalogue);
});

describe('the managed policy catalogue port', () => {
  it('is what the domain reads: the installed catalogue answers, whatever lib/catalog holds', async () => {
    installManagedPolicyCatalogue(fake);
    const store = {} as Store; // AWS managed ARNs never reach the store
    expect(await resolveManagedPolicy(store, DENY_ALL.arn)).toMatchObject({
      policyName: 'ExampleDenyAll',
      isAwsManaged: true,
      document: DENY_ALL.document,
    });
    expect(await resolveManagedPolicy(store, 'arn:aws:iam::aws:policy/AdministratorAccess')).toBeUndefined();
  });

  it('refuses to answer before a catalogue is installed, rather than acting as if AWS had no managed policies', async () => {
    vi.resetModules();
    const fresh = await import('./managed-policy-catalogue');
    expect(() => fresh.managedPolicyCatalogue()).toThrow(/No AWS managed policy catalogue is installed/);
  });

  it('tells AWS managed ARNs by their prefix', () => {
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')).toBe(true);
    expect(isAwsManagedPolicyArn('arn:aws:iam::123456789012:policy/aws')).toBe(false);
  });
});
