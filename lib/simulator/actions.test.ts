// Action wildcards expanded against a catalogue slice; ARN templates; the URL encoding of a simulation.
import { describe, expect, it } from 'vitest';
import { expandActions, fillArnTemplate, resourceTemplates, serviceOf, type ServiceCatalog } from './actions';
import { decodeState, encodeState } from './url-state';
import { emptyState } from './types';

const s3: ServiceCatalog = {
  service: 's3',
  actions: [
    { name: 'GetObject', resourceTypes: [{ name: 'object', arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', required: true }] },
    { name: 'GetBucketPolicy', resourceTypes: [{ name: 'bucket', arn: 'arn:${Partition}:s3:::${BucketName}', required: true }] },
    { name: 'PutObject', resourceTypes: [{ name: 'object', arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', required: true }] },
    { name: 'ListAllMyBuckets', resourceTypes: [] },
  ],
};
const catalogs = new Map([['s3', s3]]);

describe('expandActions', () => {
  it('expands s3:Get* to the matching catalogue actions, ignoring case', () => {
    expect(expandActions(['s3:get*'], catalogs).actions).toEqual(['s3:GetObject', 's3:GetBucketPolicy']);
  });

  it('keeps plain actions (catalogue spelling when known), each once', () => {
    expect(expandActions(['S3:putobject', 'ec2:RunInstances', 's3:PutObject', 's3:*Object'], catalogs).actions).toEqual([
      's3:PutObject',
      'ec2:RunInstances',
      's3:GetObject',
    ]);
  });

  it('reports wildcards it cannot expand and honours the limit', () => {
    const result = expandActions(['ec2:Describe*', '*', 's3:Nothing*', 's3:*'], catalogs, 2);
    expect(result.unexpanded).toEqual(['ec2:Describe*', '*', 's3:Nothing*']);
    expect(result.actions).toHaveLength(2);
    expect(result.truncated).toBe(true);
    expect(serviceOf('s*:Get')).toBeUndefined();
  });
});

describe('ARN templates', () => {
  it('fills partition, region and account and lists each template once with its actions', () => {
    expect(fillArnTemplate('arn:${Partition}:iam::${Account}:user/${UserNameWithPath}', { accountId: '123456789012' })).toBe(
      'arn:aws:iam::123456789012:user/${UserNameWithPath}',
    );
    expect(resourceTemplates(['s3:GetObject', 's3:PutObject', 's3:ListAllMyBuckets'], catalogs, {})).toEqual([
      { resourceType: 's3:object', template: 'arn:aws:s3:::${BucketName}/${ObjectName}', actions: ['s3:GetObject', 's3:PutObject'] },
    ]);
  });
});

describe('URL state', () => {
  it('round-trips a whole simulation through deflate + base64url', async () => {
    const state = {
      ...emptyState(),
      mode: 'custom' as const,
      policies: [{ id: 'p1', kind: 'identity' as const, label: 'Policy 1', text: '{"Version":"2012-10-17","Statement":[]}' }],
      actions: ['s3:Get*'],
      resources: ['arn:aws:s3:::b/*'],
      context: { 'aws:SourceIp': ['10.0.0.1'], 'aws:TagKeys': ['a', 'b'] },
      callerArn: 'arn:aws:iam::123456789012:user/alice',
      principalTags: { team: 'red' },
      comparePrincipals: [{ type: 'role' as const, name: 'ec2-app-role' }],
      overrides: { x: '{}' },
    };
    const encoded = await encodeState(state);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeState(encoded)).toEqual(state);
  });

  it('refuses corrupt or foreign text instead of throwing', async () => {
    expect(await decodeState('not-a-simulation')).toBeUndefined();
    expect(await decodeState('')).toBeUndefined();
    const foreign = await encodeState(emptyState());
    expect(await decodeState(foreign.slice(0, 3))).toBeUndefined();
  });

  it('drops malformed parts of a hand-edited link', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ v: 1, m: 'custom', p: { type: 'admin', name: 'x' }, a: ['s3:GetObject', 7], d: [['id', 'weird', 'l', 't']] }),
    );
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const raw = new Uint8Array(await new Response(stream).arrayBuffer());
    const text = btoa(String.fromCharCode(...raw))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const state = await decodeState(text);
    expect(state?.principal).toBeUndefined();
    expect(state?.actions).toEqual(['s3:GetObject']);
    expect(state?.policies).toEqual([]);
  });
});
