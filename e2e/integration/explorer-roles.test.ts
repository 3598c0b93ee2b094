// The explorer's answers about roles replayed as real calls: an account built through the SDK, read back with
// GetAccountAuthorizationDetails (paged), compiled by lib/explorer; every "can assume" (user or role session →
// role) and every who-can answer is then tried with the principal's own credentials. The explorer must say "can"
// exactly where the service allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetAccountAuthorizationDetailsCommand,
  ListUsersCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { AssumeIndex, judgeAssume } from '../../lib/explorer/assume';
import { allowsEverything, analyzeEscalation } from '../../lib/explorer/escalation';
import { compileAccount, type CompiledAccount } from '../../lib/explorer/compile-account';
import { snapshotFromPages } from '../../lib/explorer/snapshot';
import { whoCan } from '../../lib/explorer/who-can';
import { startServer, type Credentials, type TestServer } from './harness';

const ACCOUNT = '123456789012';
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const assumeAny = doc([{ Sid: 'AssumeAny', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
/** Every role's trust also names the launcher user, so that a session of each role can be had for the replay. */
const trust = (...statements: object[]) =>
  doc([...statements, { Sid: 'Launcher', Effect: 'Allow', Principal: { AWS: arn('user', 'launcher') }, Action: 'sts:AssumeRole' }]);
const trusting = (principal: object) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });

let server: TestServer;
const codeOf = (error: unknown) => (error as { Code?: string }).Code ?? (error as Error).name;
let account: CompiledAccount;
const keys = new Map<string, Credentials>();

async function user(name: string, setup: { inline?: string; admin?: boolean; boundary?: string; attached?: string[] } = {}) {
  await server.iam.send(new CreateUserCommand({ UserName: name }));
  if (setup.inline) await server.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'inline', PolicyDocument: setup.inline }));
  if (setup.admin) await server.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: ADMIN }));
  for (const policyArn of setup.attached ?? [])
    await server.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: policyArn }));
  if (setup.boundary) await server.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: setup.boundary }));
  const key = await server.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  keys.set(name, { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! });
}

async function role(name: string, trustPolicy: string, setup: { inline?: string; admin?: boolean; boundary?: string } = {}) {
  await server.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy }));
  if (setup.inline) await server.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'inline', PolicyDocument: setup.inline }));
  if (setup.admin) await server.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: ADMIN }));
  if (setup.boundary) await server.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: setup.boundary }));
}

/** Credentials of a principal: a user's key, or a session of the role obtained through the launcher. */
async function credentialsOf(kind: 'user' | 'role', name: string): Promise<Credentials> {
  if (kind === 'user') return keys.get(name)!;
  return assume(keys.get('launcher')!, name);
}

async function assume(credentials: Credentials, roleName: string): Promise<Credentials> {
  const out = await server
    .clientFor(credentials)
    .sts.send(new AssumeRoleCommand({ RoleArn: arn('role', roleName), RoleSessionName: 'replay' }));
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

async function serviceAllowsAssume(credentials: Credentials, roleName: string): Promise<boolean> {
  try {
    await assume(credentials, roleName);
    return true;
  } catch (error) {
    if (codeOf(error) === 'AccessDenied') return false;
    throw error;
  }
}

async function serviceAllowsListUsers(credentials: Credentials): Promise<boolean> {
  try {
    await server.clientFor(credentials).iam.send(new ListUsersCommand({}));
    return true;
  } catch (error) {
    if (codeOf(error) === 'AccessDenied') return false;
    throw error;
  }
}

/** A customer managed policy whose v1 allows everything and whose default, v2, only lists buckets. */
async function rolledForward(name: string): Promise<string> {
  const created = await server.iam.send(
    new CreatePolicyCommand({
      PolicyName: name,
      PolicyDocument: doc([{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }]),
    }),
  );
  const policyArn = created.Policy!.Arn!;
  await server.iam.send(
    new CreatePolicyVersionCommand({
      PolicyArn: policyArn,
      PolicyDocument: doc([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]),
      SetAsDefault: true,
    }),
  );
  return policyArn;
}

async function readAccount(): Promise<CompiledAccount> {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
  let marker: string | undefined;
  do {
    const page = await server.iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: marker, MaxItems: 4 }));
    pages.push(page);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  expect(pages.length).toBeGreaterThan(1);
  return compileAccount(
    snapshotFromPages(pages, { accountId: ACCOUNT, principalArn: arn('user', 'launcher'), readAt: new Date(0).toISOString() }),
  );
}

beforeAll(async () => {
  server = await startServer();
  // SetDefaultPolicyVersion: version-setter may set Rollback's default version (not OtherRollback's); both are
  // attached to rollback-target, whose v1 allows everything.
  const rollback = await rolledForward('Rollback');
  const otherRollback = await rolledForward('OtherRollback');
  await user('rollback-target', { attached: [rollback, otherRollback] });
  await user('version-setter', {
    inline: doc([{ Sid: 'SetRollback', Effect: 'Allow', Action: 'iam:SetDefaultPolicyVersion', Resource: rollback }]),
  });
  const s3Only = await server.iam.send(
    new CreatePolicyCommand({ PolicyName: 'S3Only', PolicyDocument: doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]) }),
  );
  const boundary = s3Only.Policy!.Arn!;
  await user('launcher');
  await user('ursula');
  await user('victor', { inline: assumeAny });
  await user('wendy', { inline: assumeAny });
  await user('xavier', { admin: true });
  await user('yara');
  await user('bounded', { inline: assumeAny, boundary });
  await user('helpdesk', {
    inline: doc([{ Sid: 'Support', Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${ACCOUNT}:user/support/*` }]),
  });
  await server.iam.send(new CreateUserCommand({ UserName: 'supported', Path: '/support/' }));
  await role(
    'account-trust',
    trust(trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), {
      Effect: 'Deny',
      Principal: { AWS: arn('user', 'wendy') },
      Action: 'sts:AssumeRole',
    }),
    { inline: assumeAny },
  );
  await role('final', trust(trusting({ AWS: arn('role', 'account-trust') })), {
    inline: doc([{ Sid: 'List', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]),
  });
  await role('named-ursula', trust(trusting({ AWS: arn('user', 'ursula') })), { inline: assumeAny });
  await role('named-bounded', trust(trusting({ AWS: arn('user', 'bounded') })));
  await role('other-user', trust(trusting({ AWS: arn('user', 'yara') })), { inline: assumeAny });
  await role('svc-only', trust(trusting({ Service: 'ec2.amazonaws.com' })), { admin: true });
  await role('bounded-role', trust(trusting({ AWS: ACCOUNT })), { inline: assumeAny, boundary });
  await role('trusts-bounded-role', trust(trusting({ AWS: arn('role', 'bounded-role') })));
  await role('trusts-other-user-role', trust(trusting({ AWS: arn('role', 'other-user') })), { admin: true });
  account = await readAccount();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('explorer "can assume" replayed through sts:AssumeRole', () => {
  it('agrees with the service for every user and every role session on every role', async () => {
    const disagreements: string[] = [];
    let allowedPairs = 0;
    const callers: { kind: 'user' | 'role'; name: string; index: number }[] = [
      ...account.users.map((u, index) => ({ kind: 'user' as const, name: u.ref.name, index })).filter((u) => keys.has(u.name)),
      ...account.roles.map((r, index) => ({ kind: 'role' as const, name: r.ref.name, index })),
    ];
    for (const caller of callers) {
      const credentials = await credentialsOf(caller.kind, caller.name);
      const principal = caller.kind === 'user' ? account.users[caller.index] : account.roles[caller.index];
      for (let target = 0; target < account.roles.length; target++) {
        if (caller.kind === 'role' && caller.index === target) continue;
        const explorer = judgeAssume(account, principal, target).decision === 'allowed';
        const service = await serviceAllowsAssume(credentials, account.roles[target].ref.name);
        if (explorer) allowedPairs++;
        if (explorer !== service)
          disagreements.push(`${caller.kind} ${caller.name} → ${account.roles[target].ref.name}: explorer ${explorer}, service ${service}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(allowedPairs).toBeGreaterThan(10);
  }, 120_000);

  it('the cases built to be known: trust Deny, identity-only, named user, boundaries', () => {
    const can = (kind: 'user' | 'role', name: string, roleName: string) => {
      const list = kind === 'user' ? account.users : account.roles;
      const index = account.roles.findIndex((r) => r.ref.name === roleName);
      return (
        judgeAssume(
          account,
          list.find((p) => p.ref.name === name)!,
          index,
        ).decision === 'allowed'
      );
    };
    expect(can('user', 'wendy', 'account-trust')).toBe(false);
    expect(can('user', 'victor', 'account-trust')).toBe(true);
    expect(can('user', 'xavier', 'svc-only')).toBe(false);
    expect(can('user', 'xavier', 'named-ursula')).toBe(false);
    expect(can('user', 'ursula', 'named-ursula')).toBe(true);
    expect(can('user', 'bounded', 'account-trust')).toBe(false);
    expect(can('user', 'bounded', 'named-bounded')).toBe(true);
    expect(can('role', 'bounded-role', 'trusts-bounded-role')).toBe(false);
    expect(can('role', 'other-user', 'trusts-other-user-role')).toBe(true);
  });
});

describe('explorer who-can replayed with the principals own credentials', () => {
  it('iam:ListUsers: everyone it names succeeds (directly or along its chain of roles), everyone else is denied', async () => {
    const r = whoCan(account, { action: 'iam:ListUsers', resource: '*', context: {} });
    const reached = new Set<string>();
    // Only the principals this test created (the server's own bootstrap administrator has no key here).
    const ours = (v: { ref: { type: string; name: string } }) => v.ref.type === 'role' || keys.has(v.ref.name);
    for (const verdict of r.allowed.filter(ours)) {
      reached.add(`${verdict.ref.type}:${verdict.ref.name}`);
      expect(
        await serviceAllowsListUsers(await credentialsOf(verdict.ref.type as 'user' | 'role', verdict.ref.name)),
        verdict.ref.name,
      ).toBe(true);
    }
    for (const verdict of r.throughRole.filter(ours)) {
      reached.add(`${verdict.ref.type}:${verdict.ref.name}`);
      let credentials = await credentialsOf(verdict.ref.type as 'user' | 'role', verdict.ref.name);
      expect(await serviceAllowsListUsers(credentials), `${verdict.ref.name} directly`).toBe(false);
      for (const hop of verdict.chain!) credentials = await assume(credentials, hop.role);
      expect(await serviceAllowsListUsers(credentials), `${verdict.ref.name} via ${verdict.chain!.map((h) => h.role).join(' → ')}`).toBe(
        true,
      );
    }
    // ursula and yara reach it only through three and two hops of chaining.
    expect(r.throughRole.find((v) => v.ref.name === 'ursula')!.chain!.map((h) => h.role)).toEqual([
      'named-ursula',
      'account-trust',
      'final',
    ]);
    expect(r.throughRole.find((v) => v.ref.name === 'yara')!.chain!.map((h) => h.role)).toEqual(['other-user', 'trusts-other-user-role']);
    // Everyone not named: denied directly, and (exhaustively, over the explorer's own assume graph, checked
    // pair by pair against the service above) no role it can reach is allowed.
    const index = new AssumeIndex(account);
    for (const verdict of [...r.explicitDeny, ...r.implicitDeny].filter(ours)) {
      const id = `${verdict.ref.type}:${verdict.ref.name}`;
      if (reached.has(id)) continue;
      expect(await serviceAllowsListUsers(await credentialsOf(verdict.ref.type as 'user' | 'role', verdict.ref.name)), id).toBe(false);
      for (let target = 0; target < account.roles.length; target++) {
        const assumers = index
          .assumers(target)
          .map((e) => `${e.from.kind}:${(e.from.kind === 'user' ? account.users : account.roles)[e.from.index].ref.name}`);
        if (assumers.includes(id))
          expect(reached.has(`role:${account.roles[target].ref.name}`), `${id} can assume ${account.roles[target].ref.name}`).toBe(false);
      }
    }
    expect(reached.has('user:wendy')).toBe(false);
    expect(reached.has('user:bounded')).toBe(false);
  }, 120_000);
});

describe('explorer escalation edges replayed with the principals own credentials', () => {
  it('iam:CreateAccessKey: the helpdesk user may create a key exactly for the users the explorer draws an edge to', async () => {
    const analysis = analyzeEscalation(account);
    const helpdesk = account.users.findIndex((u) => u.ref.name === 'helpdesk');
    const targets = new Set(
      analysis.edges
        .filter((e) => e.kind === 'create-access-key' && e.from.kind === 'user' && e.from.index === helpdesk)
        .map((e) => account.users[e.to.index].ref.name),
    );
    expect([...targets]).toEqual(['supported']);
    const iam = server.clientFor(keys.get('helpdesk')!).iam;
    for (const target of account.users.map((u) => u.ref.name).filter((name) => name !== 'helpdesk')) {
      let allowed: boolean;
      try {
        const key = await iam.send(new CreateAccessKeyCommand({ UserName: target }));
        allowed = true;
        await server.iam.send(new DeleteAccessKeyCommand({ UserName: target, AccessKeyId: key.AccessKey!.AccessKeyId! }));
      } catch (error) {
        if (codeOf(error) !== 'AccessDenied') throw error;
        allowed = false;
      }
      expect(allowed, target).toBe(targets.has(target));
    }
  }, 120_000);

  it('iam:SetDefaultPolicyVersion: the version-setter makes rollback-target an administrator exactly as the explorer says', async () => {
    const analysis = analyzeEscalation(account);
    const userIndex = (name: string) => account.users.findIndex((u) => u.ref.name === name);
    const setter = userIndex('version-setter');
    const target = userIndex('rollback-target');
    const edges = analysis.edges.filter((e) => e.kind === 'set-policy-version' && e.from.kind === 'user' && e.from.index === setter);
    expect(edges.map((e) => `${e.to.kind}:${account.users[e.to.index].ref.name} ${e.via}`)).toEqual([
      'user:rollback-target Rollback v1 (attached)',
    ]);
    const edge = edges[0];
    expect(edge.version).toEqual({
      policyArn: arn('policy', 'Rollback'),
      policyName: 'Rollback',
      versionId: 'v1',
      grants: { action: '*', resource: '*' },
    });
    expect(analysis.admins.has(`user:${target}`)).toBe(false);
    expect(await serviceAllowsListUsers(keys.get('rollback-target')!)).toBe(false);

    const iam = server.clientFor(keys.get('version-setter')!).iam;
    // No edge through OtherRollback (no statement allows it): the service denies it too.
    await expect(
      iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn('policy', 'OtherRollback'), VersionId: 'v1' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    // The edge's request, with the actor's own credentials; then the target is an administrator.
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: edge.version!.policyArn, VersionId: edge.version!.versionId }));
    expect(await serviceAllowsListUsers(keys.get('rollback-target')!)).toBe(true);
    const targetIam = server.clientFor(keys.get('rollback-target')!).iam;
    await targetIam.send(new CreateUserCommand({ UserName: 'made-by-rollback-target' }));
    const after = await readAccount();
    expect(allowsEverything(after, after.users[after.users.findIndex((u) => u.ref.name === 'rollback-target')])).toBe(true);
  }, 120_000);
});
