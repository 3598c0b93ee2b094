// A large synthetic account for the explorer benchmark: AWS's default quotas (5,000 users, 300 groups, 1,000 roles,
// 1,500 customer managed policies), deterministic, with the mix an organisation has — service policies scoped to
// resources, a few helpdesk and deployment policies with IAM rights, administrators, roles trusting the account,
// services, users and other roles.
import type { AccountSnapshot, SnapshotRole, SnapshotUser } from '../lib/explorer/types';

const ACCOUNT = '210987654321';
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const arn = (kind: string, path: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}${path}${name}`;

/** A small deterministic generator (no Math.random, so every run builds the same account). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function largeAccount(sizes = { users: 5000, groups: 300, roles: 1000, policies: 1500 }): AccountSnapshot {
  const rand = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const teams = Array.from({ length: 40 }, (_, i) => `team${i}`);
  const services = ['s3', 'dynamodb', 'sqs', 'sns', 'lambda', 'ec2', 'kms', 'logs', 'cloudwatch', 'secretsmanager', 'rds', 'ecr'];
  const ADMIN = { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
  const READONLY = { name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' };
  const policies: AccountSnapshot['policies'] = [
    { name: ADMIN.name, arn: ADMIN.arn, path: '/', document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
    {
      name: READONLY.name,
      arn: READONLY.arn,
      path: '/',
      document: doc([{ Effect: 'Allow', Action: ['*:Describe*', '*:Get*', '*:List*'], Resource: '*' }]),
    },
  ];
  for (let i = 0; i < sizes.policies; i++) {
    const team = teams[i % teams.length];
    const path = `/${team}/`;
    let statements: object[];
    if (i % 100 === 0) {
      // Helpdesk: keys and passwords of one team's users.
      statements = [
        {
          Sid: 'Helpdesk',
          Effect: 'Allow',
          Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile', 'iam:ListUsers'],
          Resource: arn('user', path, '*'),
        },
      ];
    } else if (i % 150 === 1) {
      // Deployment: pass the team's roles to EC2 and Lambda.
      statements = [
        { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: arn('role', path, '*') },
        { Sid: 'Run', Effect: 'Allow', Action: ['ec2:RunInstances', 'lambda:CreateFunction'], Resource: '*' },
      ];
    } else if (i % 200 === 2) {
      statements = [{ Sid: 'AssumeTeam', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn('role', path, '*') }];
    } else {
      const service = pick(services);
      statements = [
        { Sid: 'Read', Effect: 'Allow', Action: [`${service}:Get*`, `${service}:List*`, `${service}:Describe*`], Resource: '*' },
        {
          Sid: 'Write',
          Effect: 'Allow',
          Action: [`${service}:Put*`, `${service}:Delete*`],
          Resource: `arn:aws:${service}:us-east-1:${ACCOUNT}:${team}-${i}/*`,
          Condition: { StringEquals: { 'aws:PrincipalTag/team': team } },
        },
        ...(i % 7 === 0
          ? [
              {
                Sid: 'NoProd',
                Effect: 'Deny',
                Action: `${service}:Delete*`,
                Resource: '*',
                Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
              },
            ]
          : []),
      ];
    }
    policies.push({ name: `policy-${i}`, arn: arn('policy', path, `policy-${i}`), path, document: doc(statements) });
  }
  const customer = policies.slice(2);
  const groups: AccountSnapshot['groups'] = [];
  for (let i = 0; i < sizes.groups; i++) {
    const team = teams[i % teams.length];
    const attached =
      i < 3 ? [ADMIN] : [pick(customer), pick(customer), ...(i % 5 === 0 ? [READONLY] : [])].map((p) => ({ name: p.name, arn: p.arn }));
    groups.push({
      name: `group-${i}`,
      id: `AGPA${String(i).padStart(17, '0')}`,
      arn: arn('group', `/${team}/`, `group-${i}`),
      path: `/${team}/`,
      inline: [],
      attached,
    });
  }
  const users: SnapshotUser[] = [];
  for (let i = 0; i < sizes.users; i++) {
    const team = teams[i % teams.length];
    const path = `/${team}/`;
    const memberOf = new Set<string>();
    const count = 1 + Math.floor(rand() * 3);
    for (let g = 0; g < count; g++) memberOf.add(groups[3 + Math.floor(rand() * (groups.length - 3))].name);
    if (i % 250 === 0) memberOf.add(groups[i % 3].name);
    users.push({
      name: `user-${i}`,
      id: `AIDA${String(i).padStart(17, '0')}`,
      arn: arn('user', path, `user-${i}`),
      path,
      groups: [...memberOf],
      inline:
        i % 10 === 0
          ? [
              {
                name: 'own-keys',
                document: doc([
                  {
                    Effect: 'Allow',
                    Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey'],
                    Resource: `arn:aws:iam::${ACCOUNT}:user${path}\${aws:username}`,
                  },
                ]),
              },
            ]
          : [],
      attached: i % 100 === 7 ? [ADMIN] : i % 3 === 0 ? [{ name: pick(customer).name, arn: pick(customer).arn }] : [],
      tags: { team },
    });
  }
  const roles: SnapshotRole[] = [];
  for (let i = 0; i < sizes.roles; i++) {
    const team = teams[i % teams.length];
    const path = `/${team}/`;
    const kind = i % 10;
    let trusted: object;
    if (kind < 3) trusted = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
    else if (kind < 7) trusted = { Service: pick(['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com']) };
    else if (kind < 9) trusted = { AWS: pick(users).arn };
    else trusted = { AWS: arn('role', `/${teams[(i + 1) % teams.length]}/`, `role-${i - 9 >= 0 ? i - 9 : 0}`) };
    const attached = i % 50 === 5 ? [ADMIN] : [pick(customer), pick(customer)].map((p) => ({ name: p.name, arn: p.arn }));
    roles.push({
      name: `role-${i}`,
      id: `AROA${String(i).padStart(17, '0')}`,
      arn: arn('role', path, `role-${i}`),
      path,
      trustPolicy: doc([{ Effect: 'Allow', Principal: trusted, Action: 'sts:AssumeRole' }]),
      inline:
        i % 4 === 0
          ? [{ name: 'chain', document: doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn('role', '/', '*') }]) }]
          : [],
      attached,
      tags: { team },
    });
  }
  return { accountId: ACCOUNT, partition: 'aws', readAt: '2026-01-01T00:00:00.000Z', users, groups, roles, policies };
}
