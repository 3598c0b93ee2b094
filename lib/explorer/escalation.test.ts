// Every path to admin on an account whose answers are known by construction (escalation-account.ts).
import { describe, expect, it } from 'vitest';
import { compileAccount } from './compile-account';
import { escalationAccount } from './escalation-account';
import {
  adminStatements,
  analyzeEscalation,
  edgeStatements,
  keyOfRef,
  pathsFrom,
  pathsTo,
  pathToAdmin,
  refOf,
  startEscalation,
  whoCanReachAdmin,
} from './escalation';
import { keyId } from './assume';

const account = compileAccount(escalationAccount());
const analysis = analyzeEscalation(account);
const name = (key: { kind: 'user' | 'role'; index: number }) => `${key.kind}:${refOf(account, key).name}`;
const key = (type: 'user' | 'role', n: string) => keyOfRef(account, { type, name: n })!;
const pathOf = (type: 'user' | 'role', n: string) => pathToAdmin(analysis, key(type, n))?.edges.map((e) => `${e.kind}→${name(e.to)}`);

describe('admin-equivalent principals', () => {
  it('finds those allowed * on *, and those who can grant themselves that, each with its reason', () => {
    const admins = [...analysis.admins.entries()]
      .map(([id, reason]) => `${name({ kind: id.split(':')[0] as 'user', index: Number(id.split(':')[1]) })}=${reason.kind}`)
      .sort();
    expect(admins).toEqual([
      'role:ec2-admin=allows-everything',
      'role:locked-admin=allows-everything',
      'user:granter=grants-reachable',
      'user:joiner=grants-itself',
      'user:root-admin=allows-everything',
      'user:self-attacher=grants-itself',
      'user:versioner=grants-itself',
    ]);
  });

  it('does not take a NotAction policy that leaves out iam:* (PowerUserAccess) for an administrator', () => {
    expect(analysis.admins.has(keyId(key('user', 'power')))).toBe(false);
  });

  it('names the statements that make each one', () => {
    expect(adminStatements(account, key('user', 'root-admin')).map((s) => `${s.policyName}:${s.via.join()}`)).toEqual([
      'AdministratorAccess:attached',
    ]);
    const self = analysis.admins.get(keyId(key('user', 'self-attacher')))!;
    expect(self.edge!.kind).toBe('attach-policy');
    expect(edgeStatements(account, self.edge!).map((s) => s.sid)).toEqual(['SelfAttach']);
    const joiner = analysis.admins.get(keyId(key('user', 'joiner')))!;
    expect(joiner.edge).toMatchObject({ kind: 'add-to-group', via: 'Admins' });
    const versioner = analysis.admins.get(keyId(key('user', 'versioner')))!;
    expect(versioner.edge).toMatchObject({ kind: 'create-policy-version' });
    const granter = analysis.admins.get(keyId(key('user', 'granter')))!;
    expect(granter).toMatchObject({ kind: 'grants-reachable', edge: { kind: 'put-policy' } });
    expect(name(granter.through!)).toBe('role:granted');
  });
});

describe('shortest paths to admin', () => {
  it('over one hop: an access key for an admin, a role passed to EC2 (needs ec2), a trust policy rewritten', () => {
    expect(pathOf('user', 'key-maker')).toEqual(['create-access-key→user:root-admin']);
    expect(pathOf('user', 'passer')).toEqual(['pass-role→role:ec2-admin']);
    expect(pathToAdmin(analysis, key('user', 'passer'))!.edges[0].needs).toBe('ec2');
    expect(pathOf('user', 'retruster')).toEqual(['update-trust-policy→role:locked-admin']);
  });

  it('over several hops, from users and roles', () => {
    const chain = pathOf('user', 'chain-start')!;
    expect(chain).toHaveLength(2);
    expect(chain[0]).toBe('assume-role→role:hop');
    expect(chain[1]).toMatch(/^update-login-profile→user:/);
    expect(pathOf('role', 'hop')).toHaveLength(1);
    expect(pathOf('user', 'power')).toHaveLength(2);
  });

  it('none for principals without a way, and an empty path for admins', () => {
    expect(pathOf('user', 'nobody')).toBeUndefined();
    expect(pathOf('user', 'devuser')).toBeUndefined();
    expect(pathOf('role', 'granted')).toBeUndefined();
    expect(pathOf('user', 'root-admin')).toEqual([]);
  });

  it('lists who can reach admin, shortest first, and paths from and to a principal', () => {
    const list = whoCanReachAdmin(analysis).map((p) => name(p.from));
    expect(list.sort()).toEqual(['role:hop', 'user:chain-start', 'user:key-maker', 'user:passer', 'user:power', 'user:retruster']);
    expect(pathsTo(analysis, key('user', 'root-admin')).map((p) => name(p.from))).toContain('user:chain-start');
    expect(pathsFrom(analysis, key('user', 'chain-start')).map((p) => name(p.to))).toContain('role:hop');
  });

  it('runs in steps with progress', () => {
    const run = startEscalation(account);
    let p = run.progress();
    let steps = 0;
    while (!p.finished) {
      p = run.step(3);
      steps++;
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    expect(steps).toBeGreaterThan(3);
    expect(run.analysis.admins.size).toBe(analysis.admins.size);
  });
});
