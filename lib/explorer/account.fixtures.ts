// A small synthetic account for the explorer's unit tests: groups, a boundary, explicit denies, trust policies. Test data only.
import type { AccountSnapshot } from './types';

const ACCOUNT = '111122223333';
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const arn = (kind: string, name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:${kind}${path}${name}`;

/** The synthetic account (see the test file for who may do what). */
export function testAccount(): AccountSnapshot {
  return {
    accountId: ACCOUNT,
    partition: 'aws',
    readAt: '2026-01-01T00:00:00.000Z',
    policies: [
      {
        name: 'AdministratorAccess',
        arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        path: '/',
        document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      },
      {
        name: 'S3Only',
        arn: arn('policy', 'S3Only'),
        path: '/',
        document: doc([{ Sid: 'S3Everything', Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      },
      {
        name: 'NoIamWrites',
        arn: arn('policy', 'NoIamWrites', '/guard/'),
        path: '/guard/',
        document: doc([{ Sid: 'DenyCreateUser', Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }]),
      },
      {
        name: 'OwnKeys',
        arn: arn('policy', 'OwnKeys'),
        path: '/',
        document: doc([
          { Sid: 'OwnKeys', Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
        ]),
      },
    ],
    groups: [
      {
        name: 'Admins',
        id: 'AGPA1',
        arn: arn('group', 'Admins'),
        path: '/',
        inline: [],
        attached: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      },
      {
        name: 'Contractors',
        id: 'AGPA2',
        arn: arn('group', 'Contractors', '/ext/'),
        path: '/ext/',
        inline: [],
        attached: [{ name: 'NoIamWrites', arn: arn('policy', 'NoIamWrites', '/guard/') }],
      },
    ],
    users: [
      { name: 'alice', id: 'AIDA1', arn: arn('user', 'alice'), path: '/', groups: ['Admins'], inline: [], attached: [], tags: {} },
      // Admin through the group, but the Contractors group denies iam:CreateUser.
      {
        name: 'bob',
        id: 'AIDA2',
        arn: arn('user', 'bob', '/ext/'),
        path: '/ext/',
        groups: ['Admins', 'Contractors'],
        inline: [],
        attached: [],
        tags: {},
      },
      // Administrator by attachment, limited by an S3-only boundary.
      {
        name: 'carol',
        id: 'AIDA3',
        arn: arn('user', 'carol', '/eng/'),
        path: '/eng/',
        groups: [],
        inline: [],
        attached: [
          { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          { name: 'OwnKeys', arn: arn('policy', 'OwnKeys') },
        ],
        boundaryArn: arn('policy', 'S3Only'),
        tags: {},
      },
      // Only an inline policy that lets him assume roles.
      {
        name: 'dave',
        id: 'AIDA4',
        arn: arn('user', 'dave', '/eng/'),
        path: '/eng/',
        groups: [],
        inline: [
          { name: 'assume-anything', document: doc([{ Sid: 'AssumeAny', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]) },
        ],
        attached: [{ name: 'OwnKeys', arn: arn('policy', 'OwnKeys') }],
        tags: { team: 'platform' },
      },
      { name: 'erin', id: 'AIDA5', arn: arn('user', 'erin'), path: '/', groups: [], inline: [], attached: [], tags: {} },
      // May assume any role, but the deployer's trust policy denies her.
      {
        name: 'gina',
        id: 'AIDA7',
        arn: arn('user', 'gina'),
        path: '/',
        groups: [],
        inline: [{ name: 'assume', document: doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]) }],
        attached: [],
        tags: {},
      },
    ],
    roles: [
      {
        name: 'deployer',
        id: 'AROA1',
        arn: arn('role', 'deployer', '/ci/'),
        path: '/ci/',
        trustPolicy: doc([
          { Sid: 'Account', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          { Sid: 'NotGina', Effect: 'Deny', Principal: { AWS: arn('user', 'gina') }, Action: 'sts:AssumeRole' },
        ]),
        inline: [
          { name: 'create-users', document: doc([{ Sid: 'CreateUsers', Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }]) },
        ],
        attached: [],
        tags: {},
      },
      {
        name: 'ec2-app',
        id: 'AROA2',
        arn: arn('role', 'ec2-app'),
        path: '/',
        trustPolicy: doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        inline: [],
        attached: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
        tags: {},
      },
    ],
  };
}
