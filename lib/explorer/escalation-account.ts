// A small synthetic account for privilege escalation (see escalation.test.ts for who is admin and who can become one).
import type { AccountSnapshot, SnapshotRole, SnapshotUser } from './types';

export const ESCALATION_ACCOUNT = '777788889999';
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const arn = (kind: string, name: string) => `arn:aws:iam::${ESCALATION_ACCOUNT}:${kind}/${name}`;
const ADMIN = { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
const allow = (action: string | string[], resource: string, sid?: string) => ({
  name: sid ?? 'inline',
  document: doc([{ Sid: sid, Effect: 'Allow', Action: action, Resource: resource }]),
});

function user(
  name: string,
  inline: SnapshotUser['inline'] = [],
  attached: SnapshotUser['attached'] = [],
  groups: string[] = [],
): SnapshotUser {
  return { name, id: `AIDA${name.toUpperCase()}`, arn: arn('user', name), path: '/', groups, inline, attached, tags: {} };
}

function role(name: string, trusted: object, inline: SnapshotRole['inline'] = [], attached: SnapshotRole['attached'] = []): SnapshotRole {
  const trustPolicy = doc([{ Effect: 'Allow', Principal: trusted, Action: 'sts:AssumeRole' }]);
  return { name, id: `AROA${name.toUpperCase()}`, arn: arn('role', name), path: '/', trustPolicy, inline, attached, tags: {} };
}

/**
 * Administrators: root-admin (AdministratorAccess), the roles ec2-admin and locked-admin; self-attacher (may
 * attach policies to itself), joiner (may join the Admins group), versioner (may write a new version of a policy
 * attached to it), granter (may put a policy on a role it can assume). Not administrators: power (all but iam:*),
 * key-maker, chain-start, passer, retruster, nobody, devuser, roles hop and granted.
 */
export function escalationAccount(): AccountSnapshot {
  const root = `arn:aws:iam::${ESCALATION_ACCOUNT}:root`;
  return {
    accountId: ESCALATION_ACCOUNT,
    partition: 'aws',
    readAt: '2026-01-01T00:00:00.000Z',
    policies: [
      { name: 'AdministratorAccess', arn: ADMIN.arn, path: '/', document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
      {
        name: 'PowerUserAccess',
        arn: 'arn:aws:iam::aws:policy/PowerUserAccess',
        path: '/',
        document: doc([{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }]),
      },
      {
        name: 'Editable',
        arn: arn('policy', 'Editable'),
        path: '/',
        document: doc([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]),
      },
      { name: 'DevS3', arn: arn('policy', 'DevS3'), path: '/', document: doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]) },
    ],
    groups: [
      { name: 'Admins', id: 'AGPAADMINS', arn: arn('group', 'Admins'), path: '/', inline: [], attached: [ADMIN] },
      {
        name: 'Devs',
        id: 'AGPADEVS',
        arn: arn('group', 'Devs'),
        path: '/',
        inline: [],
        attached: [{ name: 'DevS3', arn: arn('policy', 'DevS3') }],
      },
    ],
    users: [
      user('chain-start', [allow('sts:AssumeRole', arn('role', 'hop'), 'AssumeHop')]),
      user('devuser', [], [], ['Devs']),
      user('granter', [allow(['iam:PutRolePolicy', 'sts:AssumeRole'], arn('role', 'granted'), 'Grant')]),
      user('joiner', [allow('iam:AddUserToGroup', arn('group', 'Admins'), 'Join')]),
      user('key-maker', [allow('iam:CreateAccessKey', arn('user', 'root-admin'), 'Keys')]),
      user('nobody'),
      user('passer', [
        {
          name: 'pass',
          document: doc([
            { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: arn('role', 'ec2-admin') },
            { Sid: 'Run', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
          ]),
        },
      ]),
      user('power', [], [{ name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess' }]),
      user('retruster', [allow('iam:UpdateAssumeRolePolicy', arn('role', 'locked-admin'), 'Retrust')]),
      user('root-admin', [], [ADMIN]),
      user('self-attacher', [allow('iam:AttachUserPolicy', `arn:aws:iam::${ESCALATION_ACCOUNT}:user/\${aws:username}`, 'SelfAttach')]),
      user(
        'versioner',
        [allow('iam:CreatePolicyVersion', arn('policy', 'Editable'), 'Version')],
        [{ name: 'Editable', arn: arn('policy', 'Editable') }],
      ),
    ],
    roles: [
      role('ec2-admin', { Service: 'ec2.amazonaws.com' }, [], [ADMIN]),
      role('granted', { AWS: root }),
      role('hop', { AWS: root }, [allow('iam:UpdateLoginProfile', arn('user', '*'), 'ResetPasswords')]),
      role('locked-admin', { Service: 'ssm.amazonaws.com' }, [], [ADMIN]),
    ],
  };
}
