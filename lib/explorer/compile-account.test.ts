// Compiling an account: a document shared by several inline policies is compiled once, yet each policy keeps its own
// id (for the statements the explorer names) and each broken copy is reported.
import { describe, expect, it } from 'vitest';
import { compileAccount, inlinePolicyId } from './compile-account';
import type { AccountSnapshot, SnapshotUser } from './types';

const ACCOUNT = '444455556666';
const keys = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'OwnKeys', Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
  ],
});
const user = (name: string, inline: SnapshotUser['inline']): SnapshotUser => ({
  name,
  id: `AIDA${name.toUpperCase()}`,
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  path: '/',
  groups: [],
  inline,
  attached: [],
  tags: {},
});
const snapshot: AccountSnapshot = {
  accountId: ACCOUNT,
  partition: 'aws',
  readAt: '2026-01-01T00:00:00.000Z',
  policies: [],
  groups: [],
  roles: [],
  users: [
    user('ann', [{ name: 'keys', document: keys }]),
    user('bob', [
      { name: 'keys', document: keys },
      { name: 'broken', document: '{"Statement": [' },
    ]),
    user('cat', [{ name: 'broken', document: '{"Statement": [' }]),
  ],
};

describe('compileAccount', () => {
  const account = compileAccount(snapshot);
  it('gives each copy of a shared document its own policy id and label', () => {
    const [ann, bob] = account.users;
    expect(ann.set.identity.map((p) => p.policyId)).toEqual([inlinePolicyId({ type: 'user', name: 'ann' }, 'keys')]);
    expect(bob.set.identity.map((p) => p.policyId)).toEqual([inlinePolicyId({ type: 'user', name: 'bob' }, 'keys')]);
    expect(ann.set.identity[0]).not.toBe(bob.set.identity[0]);
    expect(ann.set.identity[0].statements).toBe(bob.set.identity[0].statements);
    expect(ann.set.identity[0].actionCache).not.toBe(bob.set.identity[0].actionCache);
    expect(account.labels.get(bob.set.identity[0].policyId)).toMatchObject({ kind: 'inline', owner: { type: 'user', name: 'bob' } });
  });
  it('reports every broken copy and leaves it out with a warning', () => {
    expect(account.problems.map((p) => p.policyId)).toEqual([
      inlinePolicyId({ type: 'user', name: 'bob' }, 'broken'),
      inlinePolicyId({ type: 'user', name: 'cat' }, 'broken'),
    ]);
    expect(account.problems[0].message).toBe(account.problems[1].message);
    expect(account.users[2].warnings).toHaveLength(1);
  });
});
