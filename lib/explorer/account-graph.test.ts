// The whole-account graph: filters by path and kind, escalation edges marked, the cap.
import { describe, expect, it } from 'vitest';
import { accountGraph } from './account-graph';
import { compileAccount } from './compile-account';
import { escalationAccount } from './escalation-account';
import { analyzeEscalation } from './escalation';

const snapshot = escalationAccount();
snapshot.roles.push({ ...snapshot.roles[0], name: 'lonely', id: 'AROALONELY', arn: 'arn:aws:iam::777788889999:role/lonely', attached: [] });
const account = compileAccount(snapshot);
const analysis = analyzeEscalation(account);
const all = new Set(['user', 'group', 'role', 'policy'] as const);

describe('accountGraph', () => {
  it('draws users, groups, roles and policies with membership, attachment and escalation edges', () => {
    const g = accountGraph(account, analysis, { pathPrefix: '/', kinds: all, escalationOnly: false, allEscalationEdges: true });
    expect(g.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['user:key-maker', 'group:Admins', 'role:hop', 'policy:arn:aws:iam::aws:policy/AdministratorAccess']),
    );
    expect(g.edges.find((e) => e.source === 'user:devuser' && e.target === 'group:Devs')?.label).toBe('member of');
    const keys = g.edges.find((e) => e.source === 'user:key-maker' && e.target === 'user:root-admin')!;
    expect(keys).toMatchObject({ escalation: true, label: 'can create an access key for the user' });
    expect(g.edges.find((e) => e.source === 'user:passer')!.label).toMatch(/needs ec2/);
    expect(g.nodes.find((n) => n.id === 'user:root-admin')!.admin).toBe(true);
  });

  it('draws only the escalation edges on shortest paths to admin unless asked for all, and always the highlighted ones', () => {
    const paths = accountGraph(account, analysis, { pathPrefix: '/', kinds: all, escalationOnly: false });
    const every = accountGraph(account, analysis, { pathPrefix: '/', kinds: all, escalationOnly: false, allEscalationEdges: true });
    const count = (g: typeof paths) => g.edges.filter((e) => e.escalation).length;
    expect(count(paths)).toBeLessThan(count(every));
    expect(paths.hiddenEscalationEdges).toBe(count(every) - count(paths));
    expect(count(every)).toBe(analysis.edges.length);
  });

  it('filters by kind, by escalation and caps the number of nodes', () => {
    const users = accountGraph(account, analysis, { pathPrefix: '/', kinds: new Set(['user']), escalationOnly: false });
    expect(users.nodes.every((n) => n.kind === 'user')).toBe(true);
    const escalation = accountGraph(account, analysis, { pathPrefix: '/', kinds: all, escalationOnly: true, allEscalationEdges: true });
    expect(escalation.nodes.map((n) => n.id)).not.toContain('role:lonely');
    // The group a user can be added to stays, so the edge's reason is drawn.
    expect(escalation.nodes.map((n) => n.id)).toContain('group:Admins');
    const capped = accountGraph(account, analysis, { pathPrefix: '/', kinds: all, escalationOnly: false }, 3);
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.nodes).toHaveLength(3);
    expect(
      accountGraph(account, analysis, { pathPrefix: '/nowhere/', kinds: all, escalationOnly: false }).nodes.filter(
        (n) => n.kind !== 'policy',
      ),
    ).toEqual([]);
  });
});
