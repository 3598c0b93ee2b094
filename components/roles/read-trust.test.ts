// Who can assume a role, read from its trust policy.
import { describe, expect, it } from 'vitest';
import { readTrust } from './read-trust';

describe('readTrust', () => {
  it('lists principals by type with their conditions, and skips non-STS statements', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['ec2.amazonaws.com'], AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': ['a', 'b'] } },
        },
        { Effect: 'Deny', Principal: '*', Action: 'sts:TagSession' },
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject' },
      ],
    });
    const { entries, valid } = readTrust(text);
    expect(valid).toBe(true);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.principals).toEqual([
      { type: 'Service', values: ['ec2.amazonaws.com'] },
      { type: 'AWS', values: ['arn:aws:iam::111122223333:root'] },
    ]);
    expect(entries[0]!.conditions).toEqual([{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['a', 'b'] }]);
    expect(entries[1]).toMatchObject({ effect: 'Deny', principals: [{ type: '*', values: ['*'] }], actions: ['sts:TagSession'] });
  });

  it('says when the document is not JSON', () => {
    expect(readTrust('{ "Statement": [').valid).toBe(false);
  });
});
