// The effective-permission difference between two policy versions, over a small static catalogue.
import { describe, expect, it } from 'vitest';
import { createStaticCatalog } from '@/lib/policy';
import { diffEffectivePermissions } from './permission-diff';

const catalog = createStaticCatalog({
  s3: { GetObject: {}, PutObject: {}, DeleteObject: {}, ListBucket: {} },
  iam: { GetUser: {}, ListUsers: {} },
});

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('diffEffectivePermissions', () => {
  it('lists actions the new version allows that the old one did not, per resource', () => {
    const from = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
    const to = policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:Put*'], Resource: 'arn:aws:s3:::bucket/*' });
    const diff = diffEffectivePermissions(from, to, catalog);
    expect(diff.newlyAllowed).toEqual([
      { action: 's3:PutObject', resources: ['arn:aws:s3:::bucket/*'], from: 'implicitDeny', to: 'allowed' },
    ]);
    expect(diff.newlyDenied).toEqual([]);
  });

  it('lists what becomes denied, explicitly or implicitly', () => {
    const from = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    const to = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' });
    const diff = diffEffectivePermissions(from, to, catalog);
    expect(diff.newlyDenied).toEqual([{ action: 's3:DeleteObject', resources: ['*'], from: 'allowed', to: 'explicitDeny' }]);
    expect(diff.newlyAllowed).toEqual([]);
    expect(diff.actionsConsidered).toBe(4);
  });

  it('treats conditional grants as grants and skips resources of other services', () => {
    const from = policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::123456789012:user/*' });
    const to = policy({
      Effect: 'Allow',
      Action: ['iam:GetUser', 's3:ListBucket'],
      Resource: ['arn:aws:iam::123456789012:user/*', 'arn:aws:s3:::bucket'],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    const diff = diffEffectivePermissions(from, to, catalog);
    expect(diff.newlyAllowed.map((c) => [c.action, c.resources])).toEqual([['s3:ListBucket', ['arn:aws:s3:::bucket']]]);
  });

  it('reports services the catalogue does not know', () => {
    const diff = diffEffectivePermissions(
      policy({ Effect: 'Allow', Action: 'nosuch:Thing', Resource: '*' }),
      policy({ Effect: 'Deny', Action: 'nosuch:Thing', Resource: '*' }),
      catalog,
    );
    expect(diff.unknownServices).toEqual(['nosuch']);
  });
});
