// The principal graph: users through groups to policies, roles from their trusted principals and assumers.
import { describe, expect, it } from 'vitest';
import { compileAccount } from './compile-account';
import { principalGraph } from './graph';
import { testAccount } from './account.fixtures';

const edges = (g: ReturnType<typeof principalGraph>) => g.edges.map((e) => `${e.source} -${e.label}-> ${e.target}`).sort();

describe('principalGraph', () => {
  const account = compileAccount(testAccount());

  it('links a user to its groups, their policies, its own policies and its boundary', () => {
    expect(edges(principalGraph(account, { type: 'user', name: 'bob' }))).toEqual([
      'group:Admins -attached-> policy:arn:aws:iam::aws:policy/AdministratorAccess',
      'group:Contractors -attached-> policy:arn:aws:iam::111122223333:policy/guard/NoIamWrites',
      'user:bob -member of-> group:Admins',
      'user:bob -member of-> group:Contractors',
    ]);
    const carol = principalGraph(account, { type: 'user', name: 'carol' });
    expect(edges(carol)).toContain('user:carol -boundary-> boundary:arn:aws:iam::111122223333:policy/S3Only');
    expect(edges(principalGraph(account, { type: 'user', name: 'dave' }))).toContain(
      'user:dave -inline-> inline:user/dave/assume-anything',
    );
  });

  it('shows who a role trusts and which users and roles of the account can assume it (a trust Deny excludes them)', () => {
    const g = principalGraph(account, { type: 'role', name: 'deployer' });
    expect(edges(g)).toEqual([
      'role:deployer -inline-> inline:role/deployer/create-users',
      'role:ec2-app -can assume-> role:deployer',
      'trusted:account:111122223333 -may assume-> role:deployer',
      'user:alice -can assume-> role:deployer',
      'user:bob -can assume-> role:deployer',
      'user:dave -can assume-> role:deployer',
    ]);
    const ec2 = edges(principalGraph(account, { type: 'role', name: 'ec2-app' }));
    expect(ec2).toContain('trusted:service:ec2.amazonaws.com -may assume-> role:ec2-app');
    // Administrators' identity policies allow sts:AssumeRole, but the trust policy names only EC2.
    expect(ec2.filter((e) => e.includes('can assume'))).toEqual([]);
  });

  it('shows a group with its members and policies, and reports an unknown entity', () => {
    expect(edges(principalGraph(account, { type: 'group', name: 'Admins' }))).toEqual([
      'group:Admins -attached-> policy:arn:aws:iam::aws:policy/AdministratorAccess',
      'user:alice -member of-> group:Admins',
      'user:bob -member of-> group:Admins',
    ]);
    expect(principalGraph(account, { type: 'user', name: 'nobody' }).missing).toBe(true);
  });
});
