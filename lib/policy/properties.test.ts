// Property-based tests (fast-check): deny monotonicity, order independence, authorize = explain, parser robustness, linear wildcards.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, parsePolicy, PolicyParseError } from './parse';
import { authorize, explain, type AuthorizationRequest, type PolicySet } from './evaluate';
import { compileWildcard, matchWildcard } from './wildcard';
import type { CompiledPolicy } from './types';

const actions = ['iam:GetUser', 'iam:DeleteUser', 's3:GetObject', 's3:PutObject', 'sts:AssumeRole'];
const actionPatterns = ['*', 'iam:*', 'iam:Get*', 's3:*Object', 'iam:DeleteUser', 's3:Get?bject', 'sts:*'];
const resources = ['arn:aws:iam::123456789012:user/alice', 'arn:aws:s3:::bucket/key', '*'];
const resourcePatterns = [
  '*',
  'arn:aws:iam::123456789012:user/*',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::*',
  'arn:aws:iam::*:user/${aws:username}',
];
const conditions: (Record<string, Record<string, unknown>> | undefined)[] = [
  undefined,
  { StringEquals: { 'aws:username': 'alice' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
  { NumericLessThan: { 's3:max-keys': '10' } },
  { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
  { Null: { 'aws:TokenIssueTime': 'true' } },
  { UnknownOperator: { 'aws:username': 'x' } },
];

const statementArb = (effect?: 'Allow' | 'Deny') =>
  fc.record({
    Effect: effect ? fc.constant(effect) : fc.constantFrom('Allow', 'Deny'),
    Action: fc.subarray(actionPatterns, { minLength: 1, maxLength: 3 }),
    Resource: fc.subarray(resourcePatterns, { minLength: 1, maxLength: 2 }),
    Condition: fc.constantFrom(...conditions),
  });

const contextArb = fc.record(
  {
    'aws:username': fc.constantFrom('alice', 'bob'),
    'aws:PrincipalTag/team': fc.constantFrom('red', 'blue'),
    'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.1'),
    'aws:TagKeys': fc.subarray(['env', 'team', 'cost']),
    'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
    's3:max-keys': fc.constantFrom('5', '50'),
    'aws:CurrentTime': fc.constantFrom('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
  },
  { requiredKeys: [] },
);

const requestArb: fc.Arbitrary<AuthorizationRequest> = fc.record({
  action: fc.constantFrom(...actions),
  resource: fc.constantFrom(...resources),
  context: contextArb,
});

let id = 0;
function compileStatements(statements: object[]): CompiledPolicy {
  const clean = statements.map((s) => JSON.parse(JSON.stringify(s)));
  return compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement: clean }), { policyId: `prop-${++id}` });
}

const policiesArb = fc.array(fc.array(statementArb(), { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 4 });

describe('policy evaluation properties', () => {
  it('adding a Deny statement never turns a deny into an allow, and never turns explicit deny into anything else', () => {
    fc.assert(
      fc.property(policiesArb, fc.array(statementArb('Deny'), { minLength: 1, maxLength: 3 }), requestArb, (policies, denies, req) => {
        const before = authorize(req, { identity: policies.map(compileStatements) });
        const after = authorize(req, { identity: [...policies, denies].map(compileStatements) });
        if (before !== 'allowed') expect(after).not.toBe('allowed');
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('an explicit deny stays an explicit deny whatever Allow statements are added', () => {
    fc.assert(
      fc.property(policiesArb, fc.array(statementArb('Allow'), { minLength: 1, maxLength: 4 }), requestArb, (policies, allows, req) => {
        const before = authorize(req, { identity: policies.map(compileStatements) });
        fc.pre(before === 'explicitDeny');
        const after = authorize(req, { identity: [...policies.map(compileStatements), compileStatements(allows)] });
        expect(after).toBe('explicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('the decision does not depend on statement or policy order', () => {
    fc.assert(
      fc.property(policiesArb, requestArb, fc.integer(), (policies, req, seed) => {
        const shuffle = <T>(list: T[], salt: number) =>
          list
            .map((item, i) => ({ item, key: Math.imul(i + 1, 2654435761 ^ (seed + salt)) >>> 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const original = authorize(req, { identity: policies.map(compileStatements) });
        const reordered = shuffle(
          policies.map((statements, i) => shuffle(statements, i)),
          99,
        );
        expect(authorize(req, { identity: reordered.map(compileStatements) })).toBe(original);
      }),
      { numRuns: 300 },
    );
  });

  it('explain always reaches the same decision as authorize (with boundary, session and resource policies)', () => {
    const resourceStatementArb = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Principal: fc.constantFrom('*', { AWS: '123456789012' }, { AWS: 'arn:aws:iam::123456789012:user/alice' }, { AWS: '210987654321' }),
      Action: fc.subarray(actionPatterns, { minLength: 1, maxLength: 2 }),
      Resource: fc.constant('*'),
    });
    fc.assert(
      fc.property(
        policiesArb,
        fc.option(policiesArb, { nil: undefined }),
        fc.option(policiesArb, { nil: undefined }),
        fc.option(fc.array(fc.array(resourceStatementArb, { minLength: 1, maxLength: 3 }), { maxLength: 2 }), { nil: undefined }),
        requestArb,
        fc.constantFrom('123456789012', '210987654321', undefined),
        fc.boolean(),
        (identity, boundary, session, resource, req, resourceAccount, withPrincipal) => {
          const set: PolicySet = {
            identity: identity.map(compileStatements),
            boundary: boundary?.map(compileStatements),
            session: session?.map(compileStatements),
            resource: resource?.map(compileStatements),
          };
          const full: AuthorizationRequest = {
            ...req,
            resourceAccount,
            principal: withPrincipal ? { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' } : undefined,
          };
          expect(explain(full, set).decision).toBe(authorize(full, set));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('parser properties', () => {
  const jsonish = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((v) => JSON.stringify({ Version: '2012-10-17', Statement: v })),
    fc
      .jsonValue()
      .map((v) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: v, Resource: v, Condition: v }] })),
    fc
      .jsonValue()
      .map((v) =>
        JSON.stringify({ Statement: { Effect: 'Deny', Principal: v, NotAction: '*', NotResource: '*', Condition: { StringLike: v } } }),
      ),
  );

  it('parsePolicy never throws on arbitrary input', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        const parsed = parsePolicy(text);
        expect(Array.isArray(parsed.findings)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('compilePolicy throws nothing but PolicyParseError, and what it compiles can be evaluated', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        try {
          const compiled = compilePolicy(text);
          const decision = authorize({ action: 'iam:GetUser', resource: '*', context: { 'aws:username': 'x' } }, { identity: [compiled] });
          expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(decision);
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyParseError);
          expect((error as PolicyParseError).findings.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('wildcard matching', () => {
  it('hostile patterns complete (a*a*a*...b against a long string of a)', () => {
    const pattern = compileWildcard('a*'.repeat(200) + 'b');
    const value = 'a'.repeat(100_000);
    expect(matchWildcard(pattern, value)).toBe(false);
    expect(matchWildcard(pattern, value + 'b')).toBe(true);
    const policyText = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'iam:' + 'a*'.repeat(100) + 'b', Resource: 'arn:aws:s3:::' + '*a'.repeat(100) + '*b' },
    });
    const p = compilePolicy(policyText);
    expect(
      authorize({ action: 'iam:' + 'a'.repeat(50_000), resource: 'arn:aws:s3:::' + 'a'.repeat(50_000), context: {} }, { identity: [p] }),
    ).toBe('implicitDeny');
  });

  it('agrees with a reference (regular expression) matcher on small inputs', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 10 }),
        (pattern, value) => {
          const reference = new RegExp('^' + pattern.replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
          expect(matchWildcard(compileWildcard(pattern), value)).toBe(reference.test(value));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
