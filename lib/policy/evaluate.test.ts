// Evaluation logic: actions, resources, principals, and how identity, resource, boundary, session and SCP policies combine.

import { describe, expect, it } from 'vitest';
import { authorize, explain } from './evaluate';
import { decide, policy, request } from './builders.fixtures';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const allowAll = () => policy({ Effect: 'Allow', Action: '*', Resource: '*' });

// "IAM JSON policy elements: Action" — case-insensitive, wildcards anywhere.
describe('Action and NotAction', () => {
  it.each([
    ['iam:GetUser', 'iam:GetUser', true],
    ['IAM:getuser', 'iam:GetUser', true],
    ['iam:Get*', 'iam:GetUser', true],
    ['iam:*User', 'iam:GetUser', true],
    ['iam:Get?ser', 'iam:GetUser', true],
    ['iam:Get?', 'iam:GetUser', false],
    ['iam:*', 's3:GetObject', false],
    ['*', 's3:GetObject', true],
    ['s3:*Object*', 's3:PutObjectAcl', true],
  ])('%s vs %s → %s', (pattern, action, expected) => {
    const p = policy({ Effect: 'Allow', Action: pattern, Resource: '*' });
    expect(decide([p], request({ action })) === 'allowed').toBe(expected);
  });

  it('NotAction allows everything except the listed actions', () => {
    const p = policy({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' });
    expect(decide([p], request({ action: 's3:GetObject' }))).toBe('allowed');
    expect(decide([p], request({ action: 'iam:GetUser' }))).toBe('implicitDeny');
  });

  it('Deny with NotAction denies everything except the listed actions', () => {
    const p = policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' },
    ]);
    expect(decide([p], request({ action: 'iam:ChangePassword' }))).toBe('allowed');
    expect(decide([p], request({ action: 'iam:GetUser' }))).toBe('explicitDeny');
  });

  it('remembers a bounded number of action names per policy, however many distinct ones requests bring', () => {
    const p = policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
    for (let i = 0; i < 10_000; i++) decide([p], request({ action: `s3:GetThing${i}` }));
    expect(p.actionCache.size).toBeLessThanOrEqual(4096);
    expect(decide([p], request({ action: 's3:GetThing0' }))).toBe('allowed');
    expect(decide([p], request({ action: 's3:PutThing0' }))).toBe('implicitDeny');
  });
});

// "IAM JSON policy elements: Resource" — ARN matching is case-sensitive and segment-aware.
describe('Resource and NotResource', () => {
  it.each([
    ['*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::other/a', false],
    ['arn:aws:s3:::BUCKET/*', 'arn:aws:s3:::bucket/a', false],
    ['arn:aws:iam::123456789012:user/*', 'arn:aws:iam::123456789012:user/division/alice', true],
    ['arn:aws:iam::*:user/alice', 'arn:aws:iam::123456789012:user/alice', true],
    ['arn:aws:iam::1234*:user/alice', 'arn:aws:iam::123456789012:user/alice', true],
    // the '*' in the region segment must not swallow the account segment
    ['arn:aws:sqs:*:queue', 'arn:aws:sqs:us-east-1:123456789012:queue', false],
    ['arn:aws:sqs:*:*:queue', 'arn:aws:sqs:us-east-1:123456789012:queue', true],
    ['arn:aws:sqs:us-east-?:*:*', 'arn:aws:sqs:us-east-1:123456789012:queue', true],
    // colons in the resource part are matched by '*'
    ['arn:aws:logs:us-east-1:123456789012:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s', true],
    ['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/alice', true],
    ['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/alicex', false],
    ['arn:aws:s3:::bucket', '*', false],
  ])('%s vs %s → %s', (pattern, resource, expected) => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: pattern });
    expect(decide([p], request({ resource })) === 'allowed').toBe(expected);
  });

  it('NotResource applies to every other resource', () => {
    const p = policy({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::secret/*' });
    expect(decide([p], request({ resource: 'arn:aws:s3:::public/x' }))).toBe('allowed');
    expect(decide([p], request({ resource: 'arn:aws:s3:::secret/x' }))).toBe('implicitDeny');
  });

  // "IAM policy elements: Variables and tags"
  it('policy variables in Resource', () => {
    const p = policy({ Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` });
    const req = (user: string | undefined) =>
      request({
        resource: `arn:aws:iam::${ACCOUNT}:user/alice`,
        context: user ? { 'aws:username': user } : {},
        action: 'iam:CreateAccessKey',
      });
    expect(decide([p], req('alice'))).toBe('allowed');
    expect(decide([p], req('bob'))).toBe('implicitDeny');
    expect(decide([p], req(undefined))).toBe('implicitDeny');
  });

  // "If AWS cannot resolve a variable this might cause the entire statement to be invalid": an unresolved
  // NotResource entry must not read as "matches nothing" and then apply to every resource.
  it('an Allow with NotResource and a variable without value does not apply', () => {
    const p = policy({ Effect: 'Allow', Action: 'iam:DeleteUser', NotResource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` });
    const victim = `arn:aws:iam::${ACCOUNT}:user/victim`;
    expect(decide([p], request({ action: 'iam:DeleteUser', resource: victim, context: {} }))).toBe('implicitDeny');
    expect(decide([p], request({ action: 'iam:DeleteUser', resource: victim, context: { 'aws:username': 'bob' } }))).toBe('allowed');
    const tagged = policy({
      Effect: 'Allow',
      Action: '*',
      NotResource: [`arn:aws:iam::${ACCOUNT}:user/admin`, 'arn:aws:s3:::${aws:PrincipalTag/x}'],
    });
    expect(decide([tagged], request({ resource: victim }))).toBe('implicitDeny');
  });

  it('a Deny with NotResource and a variable without value stays fail-closed: it refuses every resource', () => {
    const deny = policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:*', NotResource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
    ]);
    const victim = `arn:aws:iam::${ACCOUNT}:user/victim`;
    expect(decide([deny], request({ action: 'iam:DeleteUser', resource: victim }))).toBe('explicitDeny');
    expect(decide([deny], request({ action: 'iam:DeleteUser', resource: victim, context: { 'aws:username': 'bob' } }))).toBe(
      'explicitDeny',
    );
    const own = request({ action: 'iam:DeleteUser', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, context: { 'aws:username': 'bob' } });
    expect(decide([deny], own)).toBe('allowed');
  });

  it('a Deny listing a resource beside one with a variable without value still covers the first', () => {
    const deny = policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: 'iam:*',
        Resource: [`arn:aws:iam::${ACCOUNT}:user/root-only`, `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`],
      },
    ]);
    expect(decide([deny], request({ action: 'iam:DeleteUser', resource: `arn:aws:iam::${ACCOUNT}:user/root-only` }))).toBe('explicitDeny');
    expect(decide([deny], request({ action: 'iam:DeleteUser', resource: `arn:aws:iam::${ACCOUNT}:user/other` }))).toBe('allowed');
  });

  it('a Deny whose condition has a variable without value on an absent key applies as without the variable', () => {
    const deny = policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } } },
    ]);
    expect(decide([deny], request({ action: 'iam:ListUsers', resource: '*' }))).toBe('explicitDeny');
  });

  it('explain reports a NotResource variable without value as missing and the resource as not matched', () => {
    const p = policy({
      Effect: 'Allow',
      Action: '*',
      NotResource: [`arn:aws:iam::${ACCOUNT}:user/\${aws:username}`, 'arn:aws:s3:::${aws:PrincipalTag/x}'],
    });
    const explanation = explain(request({ resource: `arn:aws:iam::${ACCOUNT}:user/victim` }), { identity: [p] });
    expect(explanation.decision).toBe('implicitDeny');
    expect(explanation.missingContextKeys).toEqual(['aws:PrincipalTag/x', 'aws:username']);
    expect(explanation.statements[0]).toMatchObject({ resourceMatched: false, failedPart: 'resource' });
  });

  it('a variable resolving to text with * is literal, ${*} is a literal star', () => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' });
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/a*/x', context: { 'aws:username': 'a*' } }))).toBe('allowed');
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/abc/x', context: { 'aws:username': 'a*' } }))).toBe('implicitDeny');
    const star = policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${*}' });
    expect(decide([star], request({ resource: 'arn:aws:s3:::bucket/*' }))).toBe('allowed');
    expect(decide([star], request({ resource: 'arn:aws:s3:::bucket/x' }))).toBe('implicitDeny');
  });

  it('variables in Resource with a default value', () => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*" });
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/shared/x' }))).toBe('allowed');
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/blue/x', context: { 'aws:PrincipalTag/team': 'blue' } }))).toBe('allowed');
  });

  it('Version 2008-10-17 matches ${...} literally in Resource', () => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${aws:username}' }, { version: '2008-10-17' });
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/alice', context: { 'aws:username': 'alice' } }))).toBe('implicitDeny');
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/${aws:username}' }))).toBe('allowed');
  });

  it('no Version means 2008-10-17', () => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${aws:username}' }, { version: null });
    expect(decide([p], request({ resource: 'arn:aws:s3:::bucket/alice', context: { 'aws:username': 'alice' } }))).toBe('implicitDeny');
  });
});

// "Policy evaluation logic" — explicit deny wins; default is implicit deny.
describe('Decision within one account', () => {
  it('no policy: implicit deny', () => {
    expect(decide([], request())).toBe('implicitDeny');
  });
  it('allow → allowed', () => {
    expect(decide([allowAll()], request())).toBe('allowed');
  });
  it('explicit deny in any policy overrides any allow', () => {
    const deny = policy({ Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' });
    expect(decide([allowAll(), deny], request())).toBe('explicitDeny');
    expect(decide([deny, allowAll()], request())).toBe('explicitDeny');
  });
  it('a deny that does not match leaves the allow', () => {
    const deny = policy({ Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' });
    expect(decide([allowAll(), deny], request())).toBe('allowed');
  });
  it('deny with an unknown operator is applied (fail closed)', () => {
    const deny = policy({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'x' } } });
    expect(decide([allowAll(), deny], request())).toBe('explicitDeny');
  });
  it('a definitely false condition beats an unevaluable one in a Deny', () => {
    const deny = policy({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringEqualz: { 'aws:username': 'x' }, StringEquals: { 'aws:username': 'bob' } },
    });
    expect(decide([allowAll(), deny], request({ context: { 'aws:username': 'alice' } }))).toBe('allowed');
  });
});

// "Permissions boundaries for IAM entities" and "Session policies".
describe('Permissions boundaries and session policies', () => {
  const boundary = () => policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' });
  it('boundary must also allow', () => {
    expect(authorize(request({ action: 'iam:GetUser' }), { identity: [allowAll()], boundary: [boundary()] })).toBe('allowed');
    expect(authorize(request({ action: 'iam:DeleteUser' }), { identity: [allowAll()], boundary: [boundary()] })).toBe('implicitDeny');
  });
  it('boundary alone grants nothing', () => {
    expect(authorize(request(), { identity: [], boundary: [boundary()] })).toBe('implicitDeny');
  });
  it('deny in a boundary is an explicit deny', () => {
    const denyBoundary = policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' },
    ]);
    expect(authorize(request(), { identity: [allowAll()], boundary: [denyBoundary] })).toBe('explicitDeny');
  });
  it('an empty boundary list allows nothing', () => {
    expect(authorize(request(), { identity: [allowAll()], boundary: [] })).toBe('implicitDeny');
  });
  it('session policies must also allow', () => {
    const session = policy({ Effect: 'Allow', Action: 'iam:List*', Resource: '*' });
    expect(authorize(request({ action: 'iam:ListUsers' }), { identity: [allowAll()], session: [session] })).toBe('allowed');
    expect(authorize(request({ action: 'iam:GetUser' }), { identity: [allowAll()], session: [session] })).toBe('implicitDeny');
  });
  it('SCPs must also allow and their denies are explicit', () => {
    const scp = policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' },
    ]);
    expect(authorize(request({ action: 'iam:GetUser' }), { identity: [allowAll()], scp: [scp] })).toBe('allowed');
    expect(authorize(request({ action: 'iam:DeleteUser' }), { identity: [allowAll()], scp: [scp] })).toBe('explicitDeny');
    const narrow = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    expect(authorize(request({ action: 'iam:GetUser' }), { identity: [allowAll()], scp: [narrow] })).toBe('implicitDeny');
  });
});

// "Cross-account policy evaluation logic" and "Policy evaluation logic" (resource-based policies).
describe('Resource-based policies and principals', () => {
  const alice = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT };
  const carol = { arn: `arn:aws:iam::${OTHER}:user/carol`, accountId: OTHER };
  const bucket = 'arn:aws:s3:::bucket/key';
  const grant = (principal: unknown) =>
    policy({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
  const s3Read = () => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

  it('same account: a resource-based policy naming the user suffices', () => {
    const req = request({ action: 's3:GetObject', resource: bucket, principal: alice, resourceAccount: ACCOUNT });
    expect(authorize(req, { identity: [], resource: [grant({ AWS: alice.arn })] })).toBe('allowed');
  });
  it('same account: identity-based allow suffices without resource policy allow', () => {
    const req = request({ action: 's3:GetObject', resource: bucket, principal: alice, resourceAccount: ACCOUNT });
    expect(authorize(req, { identity: [s3Read()], resource: [grant({ AWS: carol.arn })] })).toBe('allowed');
  });
  it('same account: a grant to the account delegates to identity policies', () => {
    const req = request({ action: 's3:GetObject', resource: bucket, principal: alice, resourceAccount: ACCOUNT });
    expect(authorize(req, { identity: [], resource: [grant({ AWS: `arn:aws:iam::${ACCOUNT}:root` })] })).toBe('implicitDeny');
    expect(authorize(req, { identity: [], resource: [grant({ AWS: ACCOUNT })] })).toBe('implicitDeny');
    expect(authorize(req, { identity: [s3Read()], resource: [grant({ AWS: ACCOUNT })] })).toBe('allowed');
  });
  it('cross-account: both the identity policy and the resource policy must allow', () => {
    const req = request({ action: 's3:GetObject', resource: bucket, principal: carol, resourceAccount: ACCOUNT });
    expect(authorize(req, { identity: [s3Read()], resource: [grant({ AWS: carol.arn })] })).toBe('allowed');
    expect(authorize(req, { identity: [], resource: [grant({ AWS: carol.arn })] })).toBe('implicitDeny');
    expect(authorize(req, { identity: [s3Read()], resource: [] })).toBe('implicitDeny');
    expect(authorize(req, { identity: [s3Read()] })).toBe('implicitDeny');
    expect(authorize(req, { identity: [s3Read()], resource: [grant({ AWS: OTHER })] })).toBe('allowed');
  });
  it('Principal "*" and {"AWS": "*"} match anyone, including anonymous', () => {
    const anonymous = request({ action: 's3:GetObject', resource: bucket });
    expect(authorize(anonymous, { identity: [], resource: [grant('*')] })).toBe('allowed');
    expect(authorize(anonymous, { identity: [], resource: [grant({ AWS: '*' })] })).toBe('allowed');
  });
  it('a resource-based statement without Principal never applies', () => {
    const req = request({ action: 's3:GetObject', resource: bucket, principal: alice });
    expect(authorize(req, { identity: [], resource: [s3Read()] })).toBe('implicitDeny');
  });
  it('role sessions are matched by their role ARN', () => {
    const session = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/session-1`, accountId: ACCOUNT };
    const req = request({ action: 's3:GetObject', resource: bucket, principal: session, resourceAccount: ACCOUNT });
    expect(authorize(req, { identity: [], resource: [grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/ops/Admin` })] })).toBe('allowed');
    expect(authorize(req, { identity: [], resource: [grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/Other` })] })).toBe('implicitDeny');
  });
  it('Service principals', () => {
    const req = request({
      action: 'sts:AssumeRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/R`,
      principal: { arn: 'ec2.amazonaws.com', accountId: '', service: 'ec2.amazonaws.com' },
    });
    const trust = policy({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' });
    expect(authorize(req, { identity: [], resource: [trust] })).toBe('allowed');
  });
  it('Federated and CanonicalUser principals', () => {
    const federated = policy({
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    const req = request({
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: '*',
      principal: { arn: '', accountId: '', federated: 'cognito-identity.amazonaws.com' },
    });
    expect(authorize(req, { identity: [], resource: [federated] })).toBe('allowed');
    const canonical = policy({ Effect: 'Allow', Principal: { CanonicalUser: 'abc123' }, Action: 's3:GetObject', Resource: '*' });
    const req2 = request({ action: 's3:GetObject', resource: bucket, principal: { arn: 'x', accountId: '', canonicalUser: 'abc123' } });
    expect(authorize(req2, { identity: [], resource: [canonical] })).toBe('allowed');
  });
  it('NotPrincipal with Deny denies everyone except the named principals', () => {
    const p = policy([
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: '*' },
    ]);
    const forAlice = request({ action: 's3:GetObject', resource: bucket, principal: alice });
    const forCarol = request({ action: 's3:GetObject', resource: bucket, principal: carol });
    expect(authorize(forAlice, { identity: [], resource: [p] })).toBe('allowed');
    expect(authorize(forCarol, { identity: [], resource: [p] })).toBe('explicitDeny');
  });
  it('trust policy Deny is honoured when judging sts:AssumeRole', () => {
    const trust = policy([
      { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' },
    ]);
    const req = request({
      action: 'sts:AssumeRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/R`,
      principal: alice,
      resourceAccount: ACCOUNT,
    });
    expect(authorize(req, { identity: [allowAll()], resource: [trust] })).toBe('explicitDeny');
  });
});

describe('explain', () => {
  it('names the deciding deny statement with policy id, index, Sid and range', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' },
          { Sid: 'NoDelete', Effect: 'Deny', Action: 'iam:Delete*', Resource: '*' },
        ],
      },
      null,
      2,
    );
    const p = policy(JSON.parse(text).Statement, { id: 'MyPolicy' });
    const e = explain(request({ action: 'iam:DeleteUser' }), { identity: [p] });
    expect(e.decision).toBe('explicitDeny');
    expect(e.decidingStatements).toHaveLength(1);
    const d = e.decidingStatements[0];
    expect(d).toMatchObject({ policyId: 'MyPolicy', statementIndex: 1, sid: 'NoDelete', effect: 'Deny', result: 'matched' });
    expect(d.range.start.line).toBeGreaterThan(1);
    expect(e.statements).toHaveLength(2);
  });

  it('for an implicit deny names the closest statements and the failing part', () => {
    const p = policy([
      { Sid: 'S3', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Sid: 'UsersOnly', Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::123456789012:user/bob' },
      {
        Sid: 'FromOffice',
        Effect: 'Allow',
        Action: 'iam:GetUser',
        Resource: '*',
        Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ]);
    const e = explain(request({ context: { 'aws:SourceIp': '192.0.2.1' } }), { identity: [p] });
    expect(e.decision).toBe('implicitDeny');
    expect(e.closestNonMatchingStatements.map((s) => s.sid)).toEqual(['FromOffice', 'UsersOnly', 'S3']);
    expect(e.closestNonMatchingStatements[0].failedPart).toBe('condition');
    expect(e.closestNonMatchingStatements[0].conditions[0]).toMatchObject({
      key: 'aws:SourceIp',
      contextValues: ['192.0.2.1'],
      result: 'false',
    });
    expect(e.closestNonMatchingStatements[1].failedPart).toBe('resource');
    expect(e.closestNonMatchingStatements[2].failedPart).toBe('action');
  });

  it('reports missing context keys and unevaluable statements', () => {
    const p = policy([
      { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'x' } } },
    ]);
    const e = explain(request(), { identity: [p] });
    expect(e.missingContextKeys).toEqual(['aws:MultiFactorAuthPresent', 'aws:username']);
    expect(e.unevaluable).toBe(true);
    const unevaluable = e.statements.find((s) => s.result === 'unevaluable');
    expect(unevaluable).toMatchObject({ effect: 'Deny', decidedAs: 'applies' });
    expect(unevaluable!.conditions[0].result).toBe('unevaluable');
    expect(unevaluable!.conditions[0].reason).toContain('StringEqualz');
    expect(e.decision).toBe('explicitDeny');
  });

  it('reports boundary and session decisions', () => {
    const boundary = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    const e = explain(request(), { identity: [allowAll()], boundary: [boundary], session: [allowAll()] });
    expect(e.decision).toBe('implicitDeny');
    expect(e.identityDecision).toBe('allowed');
    expect(e.boundaryDecision).toBe('implicitDeny');
    expect(e.sessionDecision).toBe('allowed');
  });

  it('for an implicit deny by the boundary, names the boundary statements', () => {
    const identity = policy([
      { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'Other', Effect: 'Allow', Action: 's3:*', Resource: '*' },
    ]);
    const boundary = policy({ Sid: 'OnlyS3', Effect: 'Allow', Action: 's3:*', Resource: '*' }, { id: 'Boundary' });
    const e = explain(request(), { identity: [identity], boundary: [boundary] });
    expect(e.decision).toBe('implicitDeny');
    expect(e.closestNonMatchingStatements.map((s) => [s.policyId, s.sid, s.failedPart])).toEqual([['Boundary', 'OnlyS3', 'action']]);
  });

  it('skips conditions after the first false one unless allConditions is set', () => {
    const p = policy({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:username': 'bob' }, Bool: { 'aws:SecureTransport': 'true' } },
    });
    const req = request({ context: { 'aws:username': 'alice', 'aws:SecureTransport': 'true' } });
    expect(explain(req, { identity: [p] }).statements[0].conditions.map((c) => c.result)).toEqual(['false', 'skipped']);
    expect(explain(req, { identity: [p] }, { allConditions: true }).statements[0].conditions.map((c) => c.result)).toEqual([
      'false',
      'true',
    ]);
    const missing = explain(request({ context: { 'aws:username': 'alice' } }), { identity: [p] });
    expect(missing.missingContextKeys).toEqual(['aws:SecureTransport']);
  });

  it('reports substituted variable values', () => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'home/${aws:username}' } } });
    const e = explain(request({ context: { 'aws:username': 'alice', 's3:prefix': 'home/bob' } }), { identity: [p] });
    expect(e.statements[0].conditions[0].policyValues).toEqual(['home/alice']);
    const missing = explain(request({ context: { 's3:prefix': 'home/bob' } }), { identity: [p] });
    expect(missing.statements[0].conditions[0].missingVariables).toEqual(['aws:username']);
    expect(missing.missingContextKeys).toEqual(['aws:username']);
  });
});
