// Role trust and role chaining in the explorer, on an account whose answers are known by construction
// (chain-account.fixtures.ts): who-can follows sts:AssumeRole over any number of hops from users and roles, and the graph
// draws "can assume" only where the role-trust rule allows.
import { describe, expect, it } from 'vitest';
import { AssumeIndex, assumeIndexOf, principalOf } from './assume';
import { chainAccount } from './chain-account.fixtures';
import { compileAccount } from './compile-account';
import { principalGraph } from './graph';
import { analyzeEscalation } from './escalation';
import { startWhoCan, whoCan, type PrincipalVerdict, type WhoCanResults } from './who-can';

const account = compileAccount(chainAccount());
const names = (list: PrincipalVerdict[]) => list.map((v) => `${v.ref.type}:${v.ref.name}`).sort();
const roleIndex = (name: string) => account.roles.findIndex((r) => r.ref.name === name);
const assumers = (name: string) =>
  new AssumeIndex(account)
    .assumers(roleIndex(name))
    .map((e) => `${principalOf(account, e.from).ref.type}:${principalOf(account, e.from).ref.name}`)
    .sort();

describe('who may assume each role (role-trust rule)', () => {
  it('a trust policy naming the account delegates to identity policies; its Deny excludes wendy', () => {
    expect(assumers('account-trust')).toEqual(['role:named-ursula', 'role:other-user', 'role:svc-only', 'user:victor', 'user:xavier']);
  });
  it('a trust policy naming a user admits that user alone, without any identity policy', () => {
    expect(assumers('named-ursula')).toEqual(['user:ursula']);
    expect(assumers('other-user')).toEqual(['user:yara']);
  });
  it('a trust policy naming a role admits sessions of that role only', () => {
    expect(assumers('final')).toEqual(['role:account-trust']);
  });
  it('an administrator cannot assume a role that trusts only a service', () => {
    expect(assumers('svc-only')).toEqual([]);
  });
});

describe('who-can over role chains', () => {
  const r = whoCan(account, { action: 's3:GetObject', resource: 'arn:aws:s3:::data/report.csv', context: {} });
  const chainOf = (name: string) => r.throughRole.find((v) => v.ref.name === name)?.chain?.map((h) => h.role);

  it('lists the principals allowed directly', () => {
    expect(names(r.allowed)).toEqual(['role:final', 'role:svc-only', 'user:xavier']);
  });

  it('finds every user and role that reaches the action, each with a shortest chain', () => {
    expect(names(r.throughRole)).toEqual([
      'role:account-trust',
      'role:named-ursula',
      'role:other-user',
      'user:ursula',
      'user:victor',
      'user:yara',
    ]);
    expect(chainOf('account-trust')).toEqual(['final']);
    expect(chainOf('victor')).toEqual(['account-trust', 'final']);
    expect(chainOf('ursula')).toEqual(['named-ursula', 'account-trust', 'final']);
    expect(chainOf('yara')).toEqual(['other-user', 'account-trust', 'final']);
    expect(chainOf('wendy')).toBeUndefined();
  });

  it('names the statements of each hop and of the last role', () => {
    const ursula = r.throughRole.find((v) => v.ref.name === 'ursula')!;
    expect(ursula.chain![0].assume.map((s) => s.sid)).toEqual(['Trust']);
    expect(ursula.chain![1].assume.map((s) => s.sid).sort()).toEqual(['AssumeAny', 'Trust']);
    expect(ursula.deciding.map((s) => s.sid)).toEqual(['ReadData']);
  });
});

describe('the graph draws "can assume" with the role-trust rule', () => {
  const assumeEdges = (name: string) =>
    principalGraph(account, { type: 'role', name })
      .edges.filter((e) => e.label === 'can assume')
      .map((e) => e.source)
      .sort();
  it('only callers the trust policy admits', () => {
    expect(assumeEdges('svc-only')).toEqual([]);
    expect(assumeEdges('named-ursula')).toEqual(['user:ursula']);
    expect(assumeEdges('final')).toEqual(['role:account-trust']);
    expect(assumeEdges('account-trust')).toEqual(['role:named-ursula', 'role:other-user', 'role:svc-only', 'user:victor', 'user:xavier']);
  });
});

describe('one AssumeIndex per compiled account', () => {
  it('is shared, and who-can answers the same with it warm (after the escalation analysis) as with a fresh one', () => {
    const fresh = compileAccount(chainAccount());
    expect(assumeIndexOf(fresh)).toBe(assumeIndexOf(fresh));
    const question = { action: 's3:GetObject', resource: 'arn:aws:s3:::data/report.csv', context: {} };
    const run = (index: AssumeIndex): WhoCanResults => {
      const r = startWhoCan(fresh, question, index);
      while (!r.step(1000).finished);
      return r.results;
    };
    const cold = run(new AssumeIndex(fresh));
    analyzeEscalation(fresh);
    const judged = assumeIndexOf(fresh).judged;
    const warm = run(assumeIndexOf(fresh));
    expect(assumeIndexOf(fresh).judged).toBe(judged);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
  });
});

describe('AssumeIndex.assumersExcept', () => {
  it('judges only the callers not skipped, and agrees with the full list', () => {
    for (let role = 0; role < account.roles.length; role++) {
      const skip = (key: { kind: 'user' | 'role'; index: number }) => key.kind === 'user' && key.index % 2 === 0;
      const partial = new AssumeIndex(account);
      const some = partial.assumersExcept(role, skip).map((e) => `${e.from.kind}:${e.from.index}`);
      const full = new AssumeIndex(account);
      const all = full
        .assumers(role)
        .filter((e) => !skip(e.from))
        .map((e) => `${e.from.kind}:${e.from.index}`);
      expect(some).toEqual(all);
      expect(partial.judged).toBeLessThanOrEqual(full.judged);
      expect(full.assumersExcept(role, skip).map((e) => `${e.from.kind}:${e.from.index}`)).toEqual(all);
    }
  });
});
