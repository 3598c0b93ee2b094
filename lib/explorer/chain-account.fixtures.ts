// A small synthetic account for role trust and role chaining (see role-chains.test.ts for who may reach what). Test data only.
import type { AccountSnapshot, SnapshotRole, SnapshotUser } from './types';

export const CHAIN_ACCOUNT = '444455556666';
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const arn = (kind: string, name: string) => `arn:aws:iam::${CHAIN_ACCOUNT}:${kind}/${name}`;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const assumeAny = { name: 'assume', document: doc([{ Sid: 'AssumeAny', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]) };

function user(name: string, inline: SnapshotUser['inline'] = [], admin = false): SnapshotUser {
  return {
    name,
    id: `AIDA${name.toUpperCase()}`,
    arn: arn('user', name),
    path: '/',
    groups: [],
    inline,
    attached: admin ? [{ name: 'AdministratorAccess', arn: ADMIN }] : [],
    tags: {},
  };
}

function role(name: string, trust: object[], inline: SnapshotRole['inline'] = [], admin = false): SnapshotRole {
  return {
    name,
    id: `AROA${name.toUpperCase()}`,
    arn: arn('role', name),
    path: '/',
    trustPolicy: doc(trust),
    inline,
    attached: admin ? [{ name: 'AdministratorAccess', arn: ADMIN }] : [],
    tags: {},
  };
}

const trusting = (principal: object) => ({ Sid: 'Trust', Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });

/**
 * Users: ursula (no policy), victor (may assume any role), wendy (may assume any role, denied by account-trust's
 * trust policy), xavier (administrator), yara (no policy).
 * Roles: final (reads s3://data; trusts the role account-trust by ARN), account-trust (trusts the account, denies
 * wendy; may assume any role), named-ursula (trusts ursula by ARN; may assume any role), other-user (trusts yara by
 * ARN; may assume any role), svc-only (administrator; trusts EC2 only).
 */
export function chainAccount(): AccountSnapshot {
  return {
    accountId: CHAIN_ACCOUNT,
    partition: 'aws',
    readAt: '2026-01-01T00:00:00.000Z',
    policies: [{ name: 'AdministratorAccess', arn: ADMIN, path: '/', document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) }],
    groups: [],
    users: [user('ursula'), user('victor', [assumeAny]), user('wendy', [assumeAny]), user('xavier', [], true), user('yara')],
    roles: [
      role(
        'account-trust',
        [
          trusting({ AWS: `arn:aws:iam::${CHAIN_ACCOUNT}:root` }),
          { Sid: 'NotWendy', Effect: 'Deny', Principal: { AWS: arn('user', 'wendy') }, Action: 'sts:AssumeRole' },
        ],
        [assumeAny],
      ),
      role(
        'final',
        [trusting({ AWS: arn('role', 'account-trust') })],
        [
          {
            name: 'read-data',
            document: doc([{ Sid: 'ReadData', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }]),
          },
        ],
      ),
      role('named-ursula', [trusting({ AWS: arn('user', 'ursula') })], [assumeAny]),
      role('other-user', [trusting({ AWS: arn('user', 'yara') })], [assumeAny]),
      role('svc-only', [trusting({ Service: 'ec2.amazonaws.com' })], [], true),
    ],
  };
}
