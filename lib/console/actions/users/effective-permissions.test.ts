// The effective-permissions summary: services and access levels from AWS's action catalogue, wildcards, full
// access, NotAction, explicit denies.
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { inferAccessLevel, summarizePermissions } = await import('./effective-permissions');

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('summarizePermissions', () => {
  it('derives access levels of named actions from the catalogue', async () => {
    const summary = await summarizePermissions([
      { source: 'ReadUsers', document: doc({ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListUsers'], Resource: '*' }) },
    ]);
    expect(summary.allServices).toBe(false);
    const iam = summary.services.find((s) => s.service === 'iam')!;
    expect(iam.access).toBe('Limited: List, Read');
    expect(iam.allowedActions).toBe(2);
    expect(iam.totalActions).toBeGreaterThan(100);
    expect(iam.serviceName).toMatch(/Identity and Access Management/);
    expect(iam.sources).toEqual(['ReadUsers']);
  });

  it('expands wildcards and calls a whole service full access', async () => {
    const summary = await summarizePermissions([
      { source: 'S3Full', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
      { source: 'SqsRead', document: doc({ Effect: 'Allow', Action: 'sqs:Get*', Resource: '*' }) },
    ]);
    expect(summary.services.find((s) => s.service === 's3')!.access).toBe('Full access');
    const sqs = summary.services.find((s) => s.service === 'sqs')!;
    expect(sqs.access).toBe('Limited: Read');
    expect(sqs.allowedActions).toBeGreaterThan(1);
  });

  it('reports * as every service, NotAction separately, and explicit denies', async () => {
    const summary = await summarizePermissions([
      { source: 'Admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      { source: 'AllButIam', document: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) },
      { source: 'NoDelete', document: doc({ Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*' }) },
    ]);
    expect(summary.allServices).toBe(true);
    expect(summary.allServicesSources).toEqual(['Admin']);
    expect(summary.notActionSources).toEqual(['AllButIam']);
    expect(summary.services).toEqual([expect.objectContaining({ service: 'ec2', access: 'Explicitly denied', denied: true })]);
  });

  it('ignores documents that are not JSON', async () => {
    expect((await summarizePermissions([{ source: 'x', document: '{not json' }])).services).toEqual([]);
  });
});

describe('inferAccessLevel', () => {
  it('names levels from verbs when the catalogue is missing', () => {
    expect(inferAccessLevel('ListThings')).toBe('List');
    expect(inferAccessLevel('GetThing')).toBe('Read');
    expect(inferAccessLevel('TagThing')).toBe('Tagging');
    expect(inferAccessLevel('PutRolePolicy')).toBe('Permissions management');
    expect(inferAccessLevel('CreateThing')).toBe('Write');
  });
});
