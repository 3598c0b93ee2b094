// SetDefaultPolicyVersion as an escalation edge: every version of a managed policy kept in the snapshot, and an edge
// from whoever may set the default version of a customer managed policy to each holder that an older version would
// allow everything — on an account whose answers are known by construction.
import type { GetAccountAuthorizationDetailsResponse } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { keyId } from './assume';
import { compileAccount } from './compile-account';
import { ESCALATION_ACCOUNT, escalationAccount } from './escalation-account';
import { analyzeEscalation, edgeStatements, keyOfRef, pathToAdmin, refOf, type EscalationEdge } from './escalation';
import { snapshotFromPages } from './snapshot';
import type { AccountSnapshot, SnapshotManagedPolicy } from './types';

const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const arn = (kind: string, name: string) => `arn:aws:iam::${ESCALATION_ACCOUNT}:${kind}/${name}`;
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** A customer managed policy with versions v1…vn; `current` is the default. */
function versioned(name: string, documents: string[], current: number): SnapshotManagedPolicy {
  const versions = documents.map((document, i) => ({ versionId: `v${i + 1}`, document, isDefault: i + 1 === current }));
  return { name, arn: arn('policy', name), path: '/', document: documents[current - 1], defaultVersionId: `v${current}`, versions };
}

const everything = doc([{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }]);
const listBuckets = doc([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]);
const inline = (sid: string, action: string, resource: string) => ({
  name: sid,
  document: doc([{ Sid: sid, Effect: 'Allow', Action: action, Resource: resource }]),
});

/**
 * The escalation account plus: Rollback (v1 allows everything, v2 the default lists buckets) attached to the role
 * rolled and, through the group Versioned, to the user member; Harmless (no version allows more than listing)
 * attached to the user plain; Restrict (v2 the default denies iam:*, v1 does not) attached with AdministratorAccess
 * to the user restricted; SelfAttach (v1 allows attaching policies to one's own user) attached to self-attach-holder. setter may SetDefaultPolicyVersion on every policy; self-setter on Rollback, which it holds;
 * creator may only CreatePolicyVersion (another edge kind).
 */
function versionsAccount(): AccountSnapshot {
  const base = escalationAccount();
  const user = (name: string, extra: Partial<AccountSnapshot['users'][number]> = {}) => ({
    name,
    id: `AIDA${name.toUpperCase().replace(/-/g, '')}`,
    arn: arn('user', name),
    path: '/',
    groups: [],
    inline: [],
    attached: [],
    tags: {},
    ...extra,
  });
  const attach = (name: string) => [{ name, arn: arn('policy', name) }];
  return {
    ...base,
    policies: [
      ...base.policies,
      versioned('Rollback', [everything, listBuckets], 2),
      versioned('Harmless', [listBuckets, doc([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }])], 2),
      versioned('Restrict', [listBuckets, doc([{ Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' }])], 2),
      versioned(
        'SelfAttach',
        [
          doc([{ Sid: 'AttachOwn', Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: arn('user', '${aws:username}') }]),
          listBuckets,
        ],
        2,
      ),
    ],
    groups: [
      ...base.groups,
      { name: 'Versioned', id: 'AGPAVERSIONED', arn: arn('group', 'Versioned'), path: '/', inline: [], attached: attach('Rollback') },
    ],
    users: [
      ...base.users,
      user('member', { groups: ['Versioned'] }),
      user('plain', { attached: attach('Harmless') }),
      user('self-attach-holder', { attached: attach('SelfAttach') }),
      user('restricted', { attached: [{ name: 'AdministratorAccess', arn: ADMIN_ARN }, ...attach('Restrict')] }),
      user('setter', { inline: [inline('SetAny', 'iam:SetDefaultPolicyVersion', arn('policy', '*'))] }),
      user('self-setter', {
        inline: [inline('SetRollback', 'iam:SetDefaultPolicyVersion', arn('policy', 'Rollback'))],
        attached: attach('Rollback'),
      }),
      user('creator', { inline: [inline('Create', 'iam:CreatePolicyVersion', arn('policy', 'Harmless'))] }),
    ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    roles: [
      ...base.roles,
      {
        name: 'rolled',
        id: 'AROAROLLED',
        arn: arn('role', 'rolled'),
        path: '/',
        trustPolicy: doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        inline: [],
        attached: attach('Rollback'),
        tags: {},
      },
    ],
  };
}

const account = compileAccount(versionsAccount());
const analysis = analyzeEscalation(account);
const key = (type: 'user' | 'role', n: string) => keyOfRef(account, { type, name: n })!;
const label = (k: { kind: 'user' | 'role'; index: number }) => `${k.kind}:${refOf(account, k).name}`;
const versionEdges = (from: string): EscalationEdge[] =>
  (analysis.outgoing.get(keyId(key('user', from))) ?? []).filter((e) => e.kind === 'set-policy-version');

describe('set-policy-version edges', () => {
  it('go from the actor to each holder an older version would make an administrator, with the policy and version', () => {
    const edges = versionEdges('setter');
    expect(edges.map((e) => `${label(e.to)} ${e.via}`).sort()).toEqual([
      'role:rolled Rollback v1 (attached)',
      'user:member Rollback v1 (group Versioned)',
      'user:restricted Restrict v1 (attached)',
      'user:self-attach-holder SelfAttach v1 (attached)',
      'user:self-setter Rollback v1 (attached)',
    ]);
    expect(edges.find((e) => label(e.to) === 'role:rolled')).toMatchObject({
      requests: [{ action: 'iam:SetDefaultPolicyVersion', resource: arn('policy', 'Rollback') }],
      version: { policyArn: arn('policy', 'Rollback'), policyName: 'Rollback', versionId: 'v1', grants: { action: '*', resource: '*' } },
    });
  });

  it('are none to holders of a policy whose versions allow nothing more, nor from principals without the permission', () => {
    expect(versionEdges('setter').some((e) => label(e.to) === 'user:plain')).toBe(false);
    expect(versionEdges('creator')).toEqual([]);
    expect(versionEdges('nobody')).toEqual([]);
  });

  it('make a principal that may set the version of a policy it holds admin-equivalent (itself), but not the others', () => {
    expect(analysis.admins.get(keyId(key('user', 'self-setter')))).toMatchObject({
      kind: 'grants-itself',
      edge: { kind: 'set-policy-version', via: 'Rollback v1 (attached)' },
    });
    expect(analysis.admins.has(keyId(key('user', 'setter')))).toBe(false);
    expect(analysis.admins.has(keyId(key('user', 'member')))).toBe(false);
    expect(analysis.admins.has(keyId(key('role', 'rolled')))).toBe(false);
    expect(pathToAdmin(analysis, key('user', 'setter'))).toBeUndefined();
  });

  it("name the actor's statement and the older version's statements that would allow everything", () => {
    const edge = versionEdges('setter').find((e) => label(e.to) === 'user:member')!;
    expect(edgeStatements(account, edge).map((s) => `${s.action} ${s.policyName} ${s.sid ?? ''} ${s.via.join()}`)).toEqual([
      'iam:SetDefaultPolicyVersion SetAny SetAny inline',
      '* Rollback version v1 Everything group Versioned',
    ]);
  });

  it('lifts a Deny of the default version (restricted holds AdministratorAccess, but Restrict v2 denies iam:*)', () => {
    expect(analysis.admins.has(keyId(key('user', 'restricted')))).toBe(false);
    expect(versionEdges('setter').find((e) => label(e.to) === 'user:restricted')?.version?.versionId).toBe('v1');
  });
});

describe('the snapshot keeps every version', () => {
  it('reads PolicyVersionList: the default as the document, all versions with their flags', () => {
    const page: GetAccountAuthorizationDetailsResponse = {
      Policies: [
        {
          PolicyName: 'Rollback',
          Arn: arn('policy', 'Rollback'),
          Path: '/',
          DefaultVersionId: 'v2',
          PolicyVersionList: [
            {
              VersionId: 'v1',
              IsDefaultVersion: false,
              Document: encodeURIComponent(everything),
              CreateDate: new Date('2026-01-01T00:00:00Z'),
            },
            { VersionId: 'v2', IsDefaultVersion: true, Document: encodeURIComponent(listBuckets) },
          ],
        },
        {
          PolicyName: 'ReadOnlyAccess',
          Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          Path: '/',
          DefaultVersionId: 'v3',
          PolicyVersionList: [
            { VersionId: 'v3', IsDefaultVersion: true, Document: encodeURIComponent(listBuckets) },
            { VersionId: 'v2', IsDefaultVersion: false, Document: encodeURIComponent(everything) },
            { VersionId: 'v1', IsDefaultVersion: false, Document: encodeURIComponent(everything) },
          ],
        },
      ],
    };
    const snapshot = snapshotFromPages([page], {
      accountId: ESCALATION_ACCOUNT,
      principalArn: arn('user', 'x'),
      readAt: '2026-01-02T00:00:00Z',
    });
    expect(snapshot.policies[1]).toEqual({
      name: 'Rollback',
      arn: arn('policy', 'Rollback'),
      path: '/',
      document: listBuckets,
      defaultVersionId: 'v2',
      versions: [
        { versionId: 'v1', document: everything, isDefault: false, created: '2026-01-01T00:00:00.000Z' },
        { versionId: 'v2', document: listBuckets, isDefault: true, created: undefined },
      ],
    });
  });

  it('keeps only the default version of an AWS managed policy (no account can set it back)', () => {
    const page: GetAccountAuthorizationDetailsResponse = {
      Policies: [
        {
          PolicyName: 'ReadOnlyAccess',
          Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          Path: '/',
          DefaultVersionId: 'v3',
          PolicyVersionList: [
            { VersionId: 'v3', IsDefaultVersion: true, Document: encodeURIComponent(listBuckets) },
            { VersionId: 'v2', IsDefaultVersion: false, Document: encodeURIComponent(everything) },
          ],
        },
      ],
    };
    const snapshot = snapshotFromPages([page], {
      accountId: ESCALATION_ACCOUNT,
      principalArn: arn('user', 'x'),
      readAt: '2026-01-02T00:00:00Z',
    });
    expect(snapshot.policies[0].versions).toEqual([{ versionId: 'v3', document: listBuckets, isDefault: true, created: undefined }]);
  });
});

describe('a version that lets the holder grant itself anything', () => {
  it('counts as admin-equivalent: the edge names the request the version would allow and its statement', () => {
    const edge = versionEdges('setter').find((e) => label(e.to) === 'user:self-attach-holder')!;
    expect(edge.version).toMatchObject({
      versionId: 'v1',
      grants: { action: 'iam:AttachUserPolicy', resource: arn('user', 'self-attach-holder') },
    });
    expect(edgeStatements(account, edge).map((s) => `${s.action} ${s.policyName} ${s.sid ?? ''}`)).toEqual([
      'iam:SetDefaultPolicyVersion SetAny SetAny',
      'iam:AttachUserPolicy SelfAttach version v1 AttachOwn',
    ]);
  });
});
