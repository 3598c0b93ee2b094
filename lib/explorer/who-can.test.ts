// Who-can evaluation over a synthetic account: groups, boundaries, explicit denies, trust policies, variables.
import { describe, expect, it } from 'vitest';
import { compileAccount } from './compile-account';
import { testAccount } from './account.fixtures';
import { questionProblem, startWhoCan, whoCan, type PrincipalVerdict } from './who-can';

const names = (list: PrincipalVerdict[]) => list.map((v) => `${v.ref.type}:${v.ref.name}`).sort();

describe('whoCan', () => {
  const account = compileAccount(testAccount());

  it('sorts every user and role into allowed, explicitly denied and implicitly denied for iam:CreateUser', () => {
    const r = whoCan(account, { action: 'iam:CreateUser', resource: '*', context: {} });
    expect(names(r.allowed)).toEqual(['role:deployer', 'role:ec2-app', 'user:alice']);
    expect(names(r.explicitDeny)).toEqual(['user:bob']);
    expect(names(r.implicitDeny)).toEqual(['user:carol', 'user:dave', 'user:erin', 'user:gina']);
  });

  it('names the deciding statement with its policy, Sid and how the policy reaches the principal', () => {
    const r = whoCan(account, { action: 'iam:CreateUser', resource: '*', context: {} });
    const alice = r.allowed.find((v) => v.ref.name === 'alice')!;
    expect(alice.deciding).toEqual([
      expect.objectContaining({ policyName: 'AdministratorAccess', effect: 'Allow', via: ['group Admins'] }),
    ]);
    const bob = r.explicitDeny[0];
    expect(bob.deciding).toEqual([
      expect.objectContaining({ policyName: 'NoIamWrites', sid: 'DenyCreateUser', effect: 'Deny', via: ['group Contractors'] }),
    ]);
    const deployer = r.allowed.find((v) => v.ref.name === 'deployer')!;
    expect(deployer.deciding[0]).toMatchObject({ policyName: 'create-users', sid: 'CreateUsers', via: ['inline'] });
  });

  it('says when a permissions boundary is what denies', () => {
    const r = whoCan(account, { action: 'iam:CreateUser', resource: '*', context: {} });
    const carol = r.implicitDeny.find((v) => v.ref.name === 'carol')!;
    expect(carol.note).toMatch(/permissions boundary does not/);
    const erin = r.implicitDeny.find((v) => v.ref.name === 'erin')!;
    expect(erin.note).toBe('No statement allows iam:CreateUser.');
    const s3 = whoCan(account, { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', context: {} });
    expect(names(s3.allowed)).toContain('user:carol');
    expect(
      s3.allowed
        .find((v) => v.ref.name === 'carol')!
        .deciding.map((d) => d.via[0])
        .sort(),
    ).toEqual(['attached', 'boundary']);
  });

  it('finds users who reach the action through a role whose trust policy admits them, honouring Deny in the trust policy', () => {
    const r = whoCan(account, { action: 'iam:CreateUser', resource: '*', context: {} });
    // deployer trusts the account: gina may assume any role but the trust policy denies her; dave may assume
    // anything; bob's groups allow sts:AssumeRole; carol's boundary allows only s3; erin has no policy; ec2-app
    // trusts EC2 only; alice is allowed directly and needs no role.
    expect(r.throughRole.map((v) => `${v.ref.name}->${v.viaRole!.role}`).sort()).toEqual(['bob->deployer', 'dave->deployer']);
    const dave = r.throughRole.find((v) => v.ref.name === 'dave')!;
    expect(dave.viaRole!.assume.map((d) => d.sid).sort()).toEqual(['Account', 'AssumeAny']);
  });

  it('fills policy variables from the principal (aws:username) and uses the question context', () => {
    const own = (user: string) =>
      whoCan(account, { action: 'iam:CreateAccessKey', resource: `arn:aws:iam::111122223333:user/${user}`, context: {} });
    expect(names(own('dave').allowed)).toEqual(['role:ec2-app', 'user:alice', 'user:bob', 'user:dave']);
    expect(names(own('erin').allowed)).toEqual(['role:ec2-app', 'user:alice', 'user:bob']);
    // An explicit aws:username in the question overrides the principal's own.
    const forced = whoCan(account, {
      action: 'iam:CreateAccessKey',
      resource: 'arn:aws:iam::111122223333:user/erin',
      context: { 'aws:username': ['erin'] },
    });
    expect(names(forced.allowed)).toContain('user:dave');
  });

  it('works in small steps and reports progress up to the end', () => {
    const run = startWhoCan(account, { action: 'iam:CreateUser', resource: '*', context: {} });
    const seen: number[] = [];
    let p = run.progress();
    expect(p.finished).toBe(false);
    for (let i = 0; i < 100 && !p.finished; i++) {
      p = run.step(1);
      seen.push(p.done);
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    expect(p.finished).toBe(true);
    expect(seen.length).toBeGreaterThan(5);
    expect(names(run.results.allowed)).toEqual(['role:deployer', 'role:ec2-app', 'user:alice']);
  });

  it('checks the question', () => {
    expect(questionProblem({ action: 'iam:CreateUser', resource: '*', context: {} })).toBeUndefined();
    expect(questionProblem({ action: 'iam:*', resource: '*', context: {} })).toMatch(/no wildcards/);
    expect(questionProblem({ action: 'iam:GetUser', resource: 'bucket', context: {} })).toMatch(/ARN/);
  });

  it('reports policies that cannot be compiled and fails closed on an unreadable boundary', () => {
    const snapshot = testAccount();
    snapshot.users.push({
      name: 'frank',
      id: 'AIDA6',
      arn: 'arn:aws:iam::111122223333:user/frank',
      path: '/',
      groups: [],
      inline: [{ name: 'broken', document: '{"Statement": [' }],
      attached: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      boundaryArn: 'arn:aws:iam::111122223333:policy/Missing',
      tags: {},
    });
    const compiled = compileAccount(snapshot);
    expect(compiled.problems.map((p) => p.name)).toEqual(['broken']);
    const r = whoCan(compiled, { action: 's3:GetObject', resource: '*', context: {} });
    const frank = r.implicitDeny.find((v) => v.ref.name === 'frank')!;
    expect(frank.warnings.join(' ')).toMatch(/could not be compiled.*could not be read/);
  });
});

describe('compileAccountInSteps', () => {
  it('reports progress per unit and ends with the same account as compileAccount', async () => {
    const { compileAccountInSteps } = await import('./compile-account');
    const snapshot = testAccount();
    const steps = compileAccountInSteps(snapshot);
    const seen: number[] = [];
    let next = steps.next();
    while (!next.done) {
      seen.push(next.value.done);
      expect(next.value.total).toBe(snapshot.policies.length + snapshot.users.length + snapshot.roles.length);
      next = steps.next();
    }
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    const r = whoCan(next.value, { action: 'iam:CreateUser', resource: '*', context: {} });
    expect(names(r.allowed)).toEqual(['role:deployer', 'role:ec2-app', 'user:alice']);
  });
});
