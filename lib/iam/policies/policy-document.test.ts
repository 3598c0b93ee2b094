// Document checks on write: MalformedPolicyDocument from lib/policy, the managed policy size quota, inline aggregates.
import { describe, expect, it } from 'vitest';
import { malformedPolicyMessage } from '../../policy';
import { checkManagedPolicyDocument, malformedPolicyVerdict, rejectMalformedPolicy } from './policy-document';
import { checkInlineAggregateSize } from '../inline-policies/inline-policy';

function allow(resources: string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resources }] });
}

/** A valid document of exactly `size` non-whitespace characters (padding a resource name). */
function documentOfSize(size: number): string {
  const base = allow(['arn:aws:s3:::b/']);
  return allow([`arn:aws:s3:::b/${'x'.repeat(size - base.length)}`]);
}

function thrown(fn: () => void): { code?: string; message?: string } | undefined {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  return undefined;
}

describe('managed policy documents', () => {
  it('accepts a valid document up to 6,144 non-whitespace characters, whitespace not counted', () => {
    expect(documentOfSize(6144).length).toBe(6144);
    expect(thrown(() => checkManagedPolicyDocument(documentOfSize(6144)))).toBeUndefined();
    const spaced = JSON.stringify(JSON.parse(documentOfSize(6100)), null, 10);
    expect(spaced.length).toBeGreaterThan(6144);
    expect(thrown(() => checkManagedPolicyDocument(spaced))).toBeUndefined();
  });

  it('rejects 6,145 characters with AWS LimitExceeded message', () => {
    expect(thrown(() => checkManagedPolicyDocument(documentOfSize(6145)))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
  });

  it('rejects malformed documents with MalformedPolicyDocument', () => {
    expect(thrown(() => checkManagedPolicyDocument('{oops'))?.code).toBe('MalformedPolicyDocument');
    expect(thrown(() => rejectMalformedPolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}'))).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Policy statement must contain actions.',
    });
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
    });
    expect(thrown(() => rejectMalformedPolicy(withPrincipal))?.message).toBe('Policy document should not specify a principal.');
  });
});

describe('inline policy aggregate size', () => {
  const others = [{ policyName: 'One', document: documentOfSize(1000) }];

  it('counts every other inline policy of the identity', () => {
    expect(thrown(() => checkInlineAggregateSize('user', 'u', others, 'Two', documentOfSize(1048)))).toBeUndefined();
    expect(thrown(() => checkInlineAggregateSize('user', 'u', others, 'Two', documentOfSize(1049)))).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user u',
    });
  });

  it('does not count the policy being replaced (names ignoring case)', () => {
    expect(thrown(() => checkInlineAggregateSize('user', 'u', others, 'ONE', documentOfSize(2048)))).toBeUndefined();
  });

  it('has per-kind quotas: group 5,120 and role 10,240', () => {
    expect(thrown(() => checkInlineAggregateSize('group', 'g', others, 'Two', documentOfSize(4120)))).toBeUndefined();
    expect(thrown(() => checkInlineAggregateSize('group', 'g', others, 'Two', documentOfSize(4121)))?.message).toBe(
      'Maximum policy size of 5120 bytes exceeded for group g',
    );
    expect(thrown(() => checkInlineAggregateSize('role', 'r', others, 'Two', documentOfSize(9240)))).toBeUndefined();
    expect(thrown(() => checkInlineAggregateSize('role', 'r', others, 'Two', documentOfSize(9241)))?.message).toBe(
      'Maximum policy size of 10240 bytes exceeded for role r',
    );
  });
});

describe('verdicts remembered for documents written again', () => {
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });

  it('gives a repeated document the verdict of its policy type, the same as a fresh check, rejections included', () => {
    const malformed = allow(['arn:aws:iam:us-east-1::user/x']);
    for (let round = 0; round < 3; round++) {
      // One text, two policy types: accepted as a trust policy, refused as an identity policy (it names a principal).
      expect(malformedPolicyVerdict(trust, 'trust')).toBeUndefined();
      expect(malformedPolicyVerdict(trust, 'identity')).toBe('Policy document should not specify a principal.');
      expect(malformedPolicyVerdict(malformed, 'identity')).toBe(malformedPolicyMessage(malformed, 'identity'));
      expect(malformedPolicyVerdict(malformed, 'identity')).toBeDefined();
      expect(thrown(() => rejectMalformedPolicy(malformed))).toEqual({
        code: 'MalformedPolicyDocument',
        message: malformedPolicyMessage(malformed, 'identity'),
      });
      expect(thrown(() => rejectMalformedPolicy(allow(['arn:aws:s3:::b/*'])))).toBeUndefined();
    }
  });

  it('checks documents longer than the remembered ones every time, with the same result', () => {
    const long = documentOfSize(5000);
    expect(long.length).toBeGreaterThan(4096);
    expect(malformedPolicyVerdict(long, 'identity')).toBeUndefined();
    const longMalformed = allow([`arn:aws:iam:us-east-1::user/${'x'.repeat(5000)}`]);
    expect(malformedPolicyVerdict(longMalformed, 'identity')).toBe(malformedPolicyMessage(longMalformed, 'identity'));
    expect(malformedPolicyVerdict(longMalformed, 'identity')).toBeDefined();
  });
});
