// Fuzz of policy documents (grammar-aware mutations, fast-check, bounded runs): every document is either refused with
// AWS's MalformedPolicyDocument message or compiles and evaluates; nothing else is ever thrown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, explain } from './evaluate';
import { malformedPolicyMessage } from './malformed';
import { compilePolicy, parsePolicy, parsePolicyWithoutPositions, PolicyParseError } from './parse';
import type { PolicyType } from './types';

const MESSAGES = [
  /^Syntax errors in policy\.$/,
  /^Policy document must be version 2012-10-17 or greater\.$/,
  /^The policy failed legacy parsing$/,
  /^Statement IDs \(SID\) in a single policy must be unique\.$/,
  /^Statement IDs \(SID\) must be alpha-numeric\./,
  /^Policy statement must contain actions\.$/,
  /^Policy statement must contain resources\.$/,
  /^Resource .* must be in ARN format or "\*"\.$/s,
  /^Partition ".*" is not valid for resource ".*"\.$/s,
  /^Resource vendor must be fully qualified and cannot contain regexes\.$/,
  /^IAM resource .* cannot contain region information\.$/s,
  /^Resource .* can not contain region information\.$/s,
  /^IAM resource path must either be "\*" or start with /,
  /^Actions\/Condition can contain only one colon\.$/,
  /^Vendor .* is not valid$/s,
  /^Actions\/Conditions must be prefaced by a vendor, e\.g\., iam, sdb, ec2, etc\.$/,
  /^Policy document should not specify a principal\.$/,
  /^Missing required field Principal$/,
  /^Invalid principal in policy/,
  /^Has prohibited field (Not)?Resource$/,
  /^AssumeRole policy may only specify STS AssumeRole actions\.$/,
  /^This policy contains invalid Json$/,
];

/** Any JSON value, small: what a mutation may put anywhere. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant([['x']]),
  fc.constant({ a: 1 }),
);

/** Mostly a well-formed value, sometimes a mutation: the grammar is followed closely enough to reach every check. */
const mostly = <T>(valid: fc.Arbitrary<T>, weight = 60) =>
  fc.oneof({ weight, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk });

const text = fc.oneof(
  fc.constantFrom(
    '*',
    '',
    'Allow',
    'Deny',
    'allow',
    'denY',
    '2012-10-17',
    '2008-10-17',
    'sts:AssumeRole',
    'iam:GetUser',
    's3:*',
    ':',
    '::',
    '${aws:username}',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ':', '*', '/', '$', '{', '}', '-', '.', ' ', 't', '1'), maxLength: 16 }),
);
const arn = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '*',
      'arn:aws:s3:::b/*',
      'arn:aws:iam::123456789012:user/alice',
      'arn:aws:iam::123456789012:user/*',
      'arn:aws:iam::*:user/${aws:username}',
      'arn:aws:iam::123456789012:role/r',
      'arn:aws:fdsasf',
      'arn:*:s3:::b',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'arn:aws:iam:::example',
      'arn:aws:s3::x',
      'arn:aws::::x',
      'a:b:c',
      'arn:aws',
      'arn:aws:iam:us-east-1::user/x',
      'arn:aws:s3:us-east-1::b',
    ),
  },
  { weight: 1, arbitrary: text },
);
const action = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '*',
      'iam:*',
      'iam:GetUser',
      'iam:Get*',
      's3:Get*',
      'sts:AssumeRole',
      'sts:*',
      's3.s:ListBucket',
      'iam: x y ',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('a a:b', 's3:a:b', 'x', '') },
  { weight: 1, arbitrary: text },
);
const scalarValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'alice',
      'bob',
      'a*',
      '${aws:username}',
      '2020-01-01T00:00:00Z',
      '1700000000',
      '10.0.0.0/8',
      'true',
      'false',
      '5',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(text, fc.integer(), fc.boolean(), fc.constantFrom('sdfdsf', '9223372036854775808', '234-13', '300.1.1.1/8')),
  },
);
const operator = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.constantFrom(
      'StringEquals',
      'StringLike',
      'StringNotEqualsIfExists',
      'ForAllValues:StringEquals',
      'ForAnyValue:StringLike',
      'NumericLessThan',
      'DateGreaterThan',
      'DateLessThanEquals',
      'Bool',
      'BoolIfExists',
      'IpAddress',
      'NotIpAddress',
      'ArnLike',
      'Null',
      'BinaryEquals',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Unknown', 'ForAnyValue::StringEquals', 'stringequals'), text) },
);
const key = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'aws:username',
      'AWS:UserName',
      'aws:SourceIp',
      'aws:CurrentTime',
      'aws:TagKeys',
      'a',
      's3:prefix',
      'aws:PrincipalTag/team',
    ),
  },
  { weight: 1, arbitrary: text },
);
const values = mostly(fc.oneof(scalarValue, fc.array(scalarValue, { maxLength: 3 })));
const condition = fc.dictionary(operator, mostly(fc.dictionary(key, values, { minKeys: 1, maxKeys: 2 })), { maxKeys: 2 });
const principal = mostly(
  fc.oneof(
    fc.constant('*'),
    fc.record({
      AWS: fc.oneof(fc.constantFrom('123456789012', 'arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:user/alice', '*'), text),
    }),
    fc.record({ Service: fc.constantFrom('ec2.amazonaws.com', 'bogus') }),
  ),
);
const stringOrList = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 10, arbitrary: arb },
    { weight: 10, arbitrary: fc.array(arb, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant([]) },
  );

const statement = fc
  .record(
    {
      Sid: mostly(fc.constantFrom('A', 'B', 'C', 'D', 'has space', '')),
      Effect: mostly(
        fc.oneof(
          { weight: 20, arbitrary: fc.constantFrom('Allow', 'Deny') },
          { weight: 1, arbitrary: fc.constantFrom('allow', 'DENY', 'invalid') },
        ),
      ),
      Principal: principal,
      NotPrincipal: principal,
      Action: mostly(stringOrList(action)),
      NotAction: mostly(stringOrList(action)),
      Resource: mostly(stringOrList(arn)),
      NotResource: mostly(stringOrList(arn)),
      Condition: mostly(condition),
      Extra: junk,
    },
    { requiredKeys: ['Effect', 'Action', 'Resource', 'NotAction', 'NotResource'] },
  )
  // Elements usually present, others usually absent: keep a statement shaped like one most of the time.
  .chain((s) =>
    fc.record({ rare: fc.nat(39), action: fc.nat(29), resource: fc.nat(29) }).map(({ rare, action, resource }) => {
      const out: Record<string, unknown> = { ...s };
      if (rare !== 0) delete out.Extra;
      if (rare > 1) delete out.NotPrincipal;
      if (rare > 4) delete out.Principal;
      if (rare === 3) delete out.Effect;
      // Action or NotAction (rarely both, rarely neither); the same for resources.
      if (action > 1) delete out.NotAction;
      else if (action === 1) delete out.Action;
      else if (rare % 2 === 0) {
        delete out.NotAction;
        delete out.Action;
      }
      if (resource > 1) delete out.NotResource;
      else if (resource === 1) delete out.Resource;
      else if (rare % 3 === 0) {
        delete out.NotResource;
        delete out.Resource;
      }
      return out;
    }),
  );
const document = fc.record(
  {
    Version: mostly(
      fc.oneof({ weight: 12, arbitrary: fc.constant('2012-10-17') }, { weight: 1, arbitrary: fc.constantFrom('2008-10-17', '2013-10-17') }),
    ),
    Id: mostly(text, 6),
    Statement: mostly(fc.oneof(statement, fc.array(statement, { minLength: 1, maxLength: 3 }))),
  },
  { requiredKeys: ['Statement'] },
);

/** The document as JSON text, sometimes damaged at the text level (truncated, a character changed, duplicated key). */
const documentText = fc.oneof(
  { weight: 20, arbitrary: document.map((d) => JSON.stringify(d)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(document, fc.nat(), fc.constantFrom('', '{', '}', '[', ',', '"', ':', 'null', '\u4e2d', '\u0000', '//'))
      .map(([d, at, insert]) => {
        const json = JSON.stringify(d);
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + 1);
      }),
  },
  { weight: 1, arbitrary: document.map((d) => JSON.stringify(d).replace('"Effect":', '"Effect":"Deny","Effect":')) },
);

const POLICY_TYPES: PolicyType[] = ['identity', 'trust', 'resource', 'session'];

describe('policy document fuzz', () => {
  it.each(POLICY_TYPES)('%s: refused with an AWS message, or compiled and evaluated; never another error', (policyType) => {
    fc.assert(
      fc.property(documentText, (text) => {
        const message = malformedPolicyMessage(text, policyType);
        if (message !== undefined) {
          expect(
            MESSAGES.some((m) => m.test(message)),
            message,
          ).toBe(true);
          // Whatever is refused may or may not compile; compiling must still only ever throw PolicyParseError.
          try {
            compilePolicy(text, { policyType });
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyParseError);
          }
          return;
        }
        // Accepted ⇒ compiles (the invariant that keeps a stored Deny from being ignored) and evaluates.
        const compiled = compilePolicy(text, { policyId: 'Fuzzed', policyType });
        const request = {
          action: 'iam:GetUser',
          resource: 'arn:aws:iam::123456789012:user/alice',
          principal: { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' },
          context: { 'aws:username': 'alice', 'aws:SourceIp': '10.1.2.3', 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
        };
        const set = policyType === 'trust' || policyType === 'resource' ? { identity: [], resource: [compiled] } : { identity: [compiled] };
        const decision = authorize(request, set);
        expect(explain(request, set).decision).toBe(decision);
      }),
      { numRuns: 600 },
    );
  });

  it('reads a document from its JSON value as parsePolicy reads its text, positions aside, whenever it can', () => {
    const withoutPositions = (parsed: unknown) =>
      JSON.parse(JSON.stringify(parsed, (key, value) => (key === 'range' || key.endsWith('Range') ? undefined : value)));
    let read = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return;
        }
        const fast = parsePolicyWithoutPositions(text, value);
        if (fast === undefined) return;
        read++;
        expect(withoutPositions(fast)).toEqual(withoutPositions(parsePolicy(text)));
      }),
      { numRuns: 1000 },
    );
    // Most generated documents have no number and no repeated name: the comparison is not vacuous.
    expect(read).toBeGreaterThan(300);
  });
});
