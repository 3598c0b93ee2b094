// The explorer's pruning helpers: per-policy facts about an action (memoised) and the ARN index must never leave out
// a resource that an Allow statement could name (they are necessary conditions; the engine decides).
import { describe, expect, it } from 'vitest';
import { compilePolicy, compileWildcard } from '@/lib/policy';
import { ArnIndex, mayAllow, mayMention, resourceReach, resourcesMayAllow } from './actions-allowed';

const policy = (statements: object[]) =>
  compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), { policyType: 'identity' });
const ACCOUNT = '111122223333';
const userArn = (path: string, name: string) => `arn:aws:iam::${ACCOUNT}:user${path}${name}`;

describe('per-policy facts about an action', () => {
  const helpdesk = policy([
    { Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], Resource: userArn('/team1/', '*') },
    { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
  ]);
  it('tells Allow statements from any statement that mentions the action', () => {
    expect(mayAllow([helpdesk], 'iam:CreateAccessKey')).toBe(true);
    expect(mayAllow([helpdesk], 'IAM:createaccesskey')).toBe(true);
    expect(mayAllow([helpdesk], 's3:DeleteBucket')).toBe(false);
    expect(mayMention([helpdesk], 's3:DeleteBucket')).toBe(true);
    expect(mayMention([helpdesk], 'iam:CreateUser')).toBe(false);
  });
  it('gives the same answer when asked again (memoised) and for NotAction', () => {
    const power = policy([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    for (let i = 0; i < 2; i++) {
      expect(mayAllow([power], 'iam:CreateAccessKey')).toBe(false);
      expect(mayAllow([power], 's3:GetObject')).toBe(true);
      expect(resourceReach([power], 's3:GetObject')).toEqual({ kind: 'any' });
    }
  });
  it('reaches nowhere, anywhere (no Resource limit, NotResource, "*") or the ARNs of its patterns', () => {
    expect(resourceReach([helpdesk], 'iam:CreateUser')).toEqual({ kind: 'none' });
    expect(resourcesMayAllow([helpdesk], 'iam:CreateUser')).toBeUndefined();
    const reach = resourcesMayAllow([helpdesk], 'iam:CreateAccessKey')!;
    expect(reach(userArn('/team1/', 'ann'))).toBe(true);
    expect(reach(userArn('/team2/', 'bob'))).toBe(false);
    const notResource = policy([{ Effect: 'Allow', Action: 'iam:CreateAccessKey', NotResource: userArn('/', 'root') }]);
    expect(resourceReach([helpdesk, notResource], 'iam:CreateAccessKey')).toEqual({ kind: 'any' });
    const star = policy([{ Effect: 'Allow', Action: 'iam:*', Resource: ['*'] }]);
    expect(resourceReach([star], 'iam:CreateAccessKey')).toEqual({ kind: 'any' });
  });
  it('lets a policy variable stand for anything', () => {
    const own = policy([{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: userArn('/', '${aws:username}') }]);
    const reach = resourcesMayAllow([own], 'iam:CreateAccessKey')!;
    expect(reach(userArn('/', 'anyone'))).toBe(true);
    expect(reach(userArn('/team1/', 'nested'))).toBe(true);
    expect(reach(`arn:aws:iam::${ACCOUNT}:role/r`)).toBe(false);
  });
});

describe('ArnIndex', () => {
  const arns = [
    userArn('/team1/', 'ann'),
    userArn('/team2/', 'bob'),
    userArn('/', 'carol'),
    userArn('/team1/', 'dave'),
    userArn('/team10/', 'erin'),
    `arn:aws:iam::${ACCOUNT}:role/team1/deployer`,
  ];
  const index = new ArnIndex(arns);
  const patterns = (...texts: string[]) => ({ kind: 'patterns' as const, patterns: texts.map(compileWildcard) });

  it('finds the ARNs a pattern matches, in the original order, by the pattern’s literal prefix', () => {
    expect(index.matching(patterns(userArn('/team1/', '*')))).toEqual([0, 3]);
    expect(index.matching(patterns(userArn('/team1', '*')))).toEqual([0, 3, 4]);
    expect(index.matching(patterns(userArn('/', 'carol')))).toEqual([2]);
    expect(index.matching(patterns(`arn:aws:iam::${ACCOUNT}:*/team1/*`))).toEqual([0, 3, 5]);
    expect(index.matching(patterns(userArn('/team?/', '*'), userArn('/team1/', 'ann')))).toEqual([0, 1, 3]);
    expect(index.matching({ kind: 'none' })).toEqual([]);
    expect(index.matching({ kind: 'any' })).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('agrees with testing every ARN, for many patterns', () => {
    const pieces = ['arn:aws:iam::', ACCOUNT, ':user/', ':role/', 'team1', '/', '*', '?', 'a', 'nn', 'team'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const length = 1 + (next() % 7);
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[next() % pieces.length];
      const pattern = compileWildcard(text);
      const expected = arns
        .map((arn, i) => [arn, i] as const)
        .filter(([arn]) => resourcesMatch(pattern, arn))
        .map(([, i]) => i);
      expect(index.matching({ kind: 'patterns', patterns: [pattern] })).toEqual(expected);
    }
  });
});

function resourcesMatch(pattern: ReturnType<typeof compileWildcard>, arn: string): boolean {
  // Brute force with a regular expression built from the pattern (independent of the wildcard matcher).
  const source = [...pattern.text]
    .map((c, i) => (pattern.kinds?.[i] === 1 ? '.*' : pattern.kinds?.[i] === 2 ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(arn);
}
