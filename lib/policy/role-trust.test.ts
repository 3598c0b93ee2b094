// The role-trust rule on small cases whose answers are known by construction (AWS IAM User Guide: policy evaluation
// logic, permissions boundaries, cross-account access; IAM-FACTS "Role trust").
import { describe, expect, it } from 'vitest';
import { explainRoleTrust, judgeRoleTrust } from './role-trust';
import { policy } from './builders.fixtures';
import type { AuthorizationRequest, PolicySet } from './evaluate';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app/Target`;
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Source/s1`;

const trustNaming = (principal: object, extra: object[] = []) =>
  policy([{ Sid: 'Trust', Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }, ...extra], { type: 'trust' });
const allowAssume = policy({ Sid: 'Assume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });
const denyAssume = policy({ Sid: 'NoAssume', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: ROLE });
const onlyS3 = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });

const req = (arn = USER, accountId = ACCOUNT): AuthorizationRequest => ({
  action: 'sts:AssumeRole',
  resource: ROLE,
  principal: { arn, accountId },
  context: {},
});
const judge = (trust: ReturnType<typeof policy> | undefined, caller: PolicySet, arn = USER, accountId = ACCOUNT) =>
  judgeRoleTrust({ request: req(arn, accountId), trust, caller });

describe('judgeRoleTrust', () => {
  it('the account root in the trust policy delegates: the identity policy must allow', () => {
    const trust = trustNaming({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
    expect(judge(trust, { identity: [allowAssume] })).toMatchObject({
      decision: 'allowed',
      trustMatch: 'account',
      reason: 'allowedByTrustAndIdentity',
    });
    expect(judge(trust, { identity: [] })).toMatchObject({ decision: 'implicitDeny', reason: 'identityDoesNotAllow' });
    expect(judge(trustNaming({ AWS: ACCOUNT }), { identity: [] }).decision).toBe('implicitDeny');
  });

  it("naming the user's ARN suffices alone, even with no identity policy and a boundary that does not allow", () => {
    const trust = trustNaming({ AWS: USER });
    expect(judge(trust, { identity: [] })).toMatchObject({ decision: 'allowed', trustMatch: 'principal', reason: 'allowedByTrust' });
    expect(judge(trust, { identity: [], boundary: [onlyS3] }).decision).toBe('allowed');
  });

  it('a role session named through its role ARN is still limited by its boundary and session policies', () => {
    const trust = trustNaming({ AWS: `arn:aws:iam::${ACCOUNT}:role/Source` });
    expect(judge(trust, { identity: [] }, SESSION).decision).toBe('allowed');
    expect(judge(trust, { identity: [], boundary: [onlyS3] }, SESSION)).toMatchObject({
      decision: 'implicitDeny',
      reason: 'boundaryDoesNotAllow',
    });
    expect(judge(trust, { identity: [], session: [onlyS3] }, SESSION)).toMatchObject({
      decision: 'implicitDeny',
      reason: 'sessionDoesNotAllow',
    });
  });

  it('an identity-policy Allow alone never suffices', () => {
    expect(judge(trustNaming({ Service: 'ec2.amazonaws.com' }), { identity: [allowAssume] })).toMatchObject({
      decision: 'implicitDeny',
      reason: 'trustDoesNotAllow',
    });
    expect(judge(trustNaming({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }), { identity: [allowAssume] }).decision).toBe('implicitDeny');
    expect(judge(undefined, { identity: [allowAssume] })).toMatchObject({ decision: 'implicitDeny', reason: 'trustUnreadable' });
  });

  it('a Deny in the trust policy always wins, over a direct naming too', () => {
    const deny = { Sid: 'NotAlice', Effect: 'Deny', Principal: { AWS: USER }, Action: 'sts:AssumeRole' };
    expect(judge(trustNaming({ AWS: USER }, [deny]), { identity: [allowAssume] })).toMatchObject({
      decision: 'explicitDeny',
      reason: 'trustDeny',
    });
    expect(judge(trustNaming({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, [deny]), { identity: [allowAssume] }).decision).toBe('explicitDeny');
    const denyAccount = { Effect: 'Deny', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' };
    expect(judge(trustNaming({ AWS: USER }, [denyAccount]), { identity: [] }).decision).toBe('explicitDeny');
  });

  it("a Deny in the caller's own policies wins over a trust policy naming it", () => {
    expect(judge(trustNaming({ AWS: USER }), { identity: [denyAssume] })).toMatchObject({ decision: 'explicitDeny', reason: 'callerDeny' });
  });

  it('"*" in the trust policy admits any principal of the account directly', () => {
    expect(judge(trustNaming({ AWS: '*' }), { identity: [] }).decision).toBe('allowed');
  });

  it('across accounts both the trust policy and the caller policies must allow', () => {
    const other = 'arn:aws:iam::999988887777:user/zed';
    const trust = trustNaming({ AWS: other });
    expect(judge(trust, { identity: [] }, other, '999988887777').decision).toBe('implicitDeny');
    expect(judge(trust, { identity: [allowAssume] }, other, '999988887777').decision).toBe('allowed');
    expect(judge(trustNaming({ AWS: '999988887777' }), { identity: [allowAssume] }, other, '999988887777').decision).toBe('allowed');
  });

  it('conditions of the trust policy are evaluated against the request context', () => {
    const trust = policy(
      [{ Effect: 'Allow', Principal: { AWS: USER }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }],
      { type: 'trust' },
    );
    expect(judge(trust, { identity: [] }).decision).toBe('implicitDeny');
    expect(judgeRoleTrust({ request: { ...req(), context: { 'sts:ExternalId': 'abc' } }, trust, caller: { identity: [] } }).decision).toBe(
      'allowed',
    );
  });
});

describe('explainRoleTrust', () => {
  it('agrees with judgeRoleTrust and names the deciding statements', () => {
    const trust = trustNaming({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
    const allowed = explainRoleTrust({ request: req(), trust, caller: { identity: [allowAssume] } });
    expect(allowed.decision).toBe('allowed');
    expect(allowed.decidingStatements.map((s) => s.sid).sort()).toEqual(['Assume', 'Trust']);
    const byTrustOnly = explainRoleTrust({
      request: req(),
      trust: trustNaming({ Service: 'ec2.amazonaws.com' }),
      caller: { identity: [allowAssume] },
    });
    expect(byTrustOnly.decision).toBe('implicitDeny');
    expect(byTrustOnly.closestNonMatchingStatements.map((s) => s.sid)).toEqual(['Trust']);
    const direct = explainRoleTrust({ request: req(), trust: trustNaming({ AWS: USER }), caller: { identity: [] } });
    expect(direct.decidingStatements.map((s) => s.sid)).toEqual(['Trust']);
  });
});
