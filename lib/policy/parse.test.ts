// Parser: source positions, tolerant parsing with findings, compile errors as PolicyParseError.

import { describe, expect, it } from 'vitest';
import { compilePolicy, NO_RANGE, parsePolicy, parsePolicyWithoutPositions, PolicyParseError } from './parse';

const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadUsers",
      "Effect": "Allow",
      "Action": ["iam:Get*", "iam:List*"],
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:username": ["alice", "bob"] } }
    }
  ]
}`;

describe('parsePolicy', () => {
  it('keeps 1-based line/column and 0-based offsets for statements, elements and values', () => {
    const parsed = parsePolicy(TEXT, { policyId: 'p' });
    expect(parsed.findings).toEqual([]);
    const s = parsed.statements[0];
    expect(s.range.start).toEqual({ offset: TEXT.indexOf('{\n      "Sid"'), line: 4, column: 5 });
    expect(s.range.end.line).toBe(10);
    expect(s.range.end.column).toBe(6);
    expect(s.sid?.value).toBe('ReadUsers');
    expect(s.action?.values.map((v) => v.value)).toEqual(['iam:Get*', 'iam:List*']);
    expect(s.action?.values[1].range.start).toMatchObject({ line: 7, column: 30 });
    expect(s.action?.values[1].path).toEqual(['Statement', 0, 'Action', 1]);
    const condition = s.conditions![0];
    expect(condition).toMatchObject({ operator: 'StringEquals', key: 'aws:username' });
    expect(condition.values.map((v) => v.value)).toEqual(['alice', 'bob']);
    expect(condition.values[1].range.start.line).toBe(9);
    expect(parsed.version?.value).toBe('2012-10-17');
  });

  it('accepts a single statement object and CRLF line ends', () => {
    const text = '{\r\n"Version":"2012-10-17",\r\n"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}';
    const parsed = parsePolicy(text);
    expect(parsed.findings).toEqual([]);
    expect(parsed.statementIsArray).toBe(false);
    expect(parsed.statements[0].range.start).toMatchObject({ line: 3, column: 13 });
  });

  it('reports invalid JSON with a position (comments and trailing commas are not JSON)', () => {
    for (const text of ['{"Version": "2012-10-17",}', '{ // c\n}', '{"Statement": [', '', 'null']) {
      const parsed = parsePolicy(text);
      expect(parsed.findings.some((f) => f.severity === 'error')).toBe(true);
    }
    const parsed = parsePolicy('{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
    expect(parsed.findings[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR' });
    expect(parsed.findings[0].range?.start.line).toBe(3);
  });

  it('reports unknown, misspelt (case) and duplicate elements', () => {
    const parsed = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"effect":"Allow","Effect":"Allow","Action":"*","Action":"*","Resource":"*","Foo":1}]}',
    );
    const codes = parsed.findings.map((f) => f.code);
    expect(codes).toContain('UNKNOWN_ELEMENT');
    expect(codes).toContain('DUPLICATE_ELEMENT');
    expect(parsed.findings.find((f) => f.message.includes('"effect"'))?.message).toContain('use "Effect"');
  });

  it('reports missing/invalid Effect, missing Action, Action with NotAction, bad Version', () => {
    const codes = (statement: object, version = '2012-10-17') =>
      parsePolicy(JSON.stringify({ Version: version, Statement: [statement] })).findings.map((f) => f.code);
    expect(codes({ Action: '*', Resource: '*' })).toContain('MISSING_EFFECT');
    expect(codes({ Effect: 'allow', Action: '*', Resource: '*' })).toContain('INVALID_EFFECT');
    expect(codes({ Effect: 'Allow', Resource: '*' })).toContain('MISSING_ACTION');
    expect(codes({ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' })).toContain('ACTION_AND_NOT_ACTION');
    expect(codes({ Effect: 'Allow', Action: '*', Resource: '*' }, '2012-10-18')).toContain('INVALID_VERSION');
    expect(codes({ Effect: 'Allow', Action: [], Resource: '*' })).toContain('EMPTY_ELEMENT');
    expect(codes({ Effect: 'Allow', Action: [1], Resource: '*' })).toContain('INVALID_ELEMENT_TYPE');
  });
});

/** A parsed policy without its positions (every `range` and `...Range`), to compare the two parses. */
function withoutPositions(parsed: unknown): unknown {
  return JSON.parse(JSON.stringify(parsed, (key, value) => (key === 'range' || key.endsWith('Range') ? undefined : value)));
}

describe('parsePolicyWithoutPositions', () => {
  const same = (text: string) => {
    const fast = parsePolicyWithoutPositions(text, JSON.parse(text));
    expect(fast).toBeDefined();
    expect(withoutPositions(fast)).toEqual(withoutPositions(parsePolicy(text)));
    return fast!;
  };

  it('reads what parsePolicy reads, every range NO_RANGE', () => {
    const fast = same(TEXT);
    expect(fast.statements[0].range).toBe(NO_RANGE);
    expect(fast.statements[0].conditions?.[0].values[1]).toEqual({
      value: 'bob',
      range: NO_RANGE,
      path: ['Statement', 0, 'Condition', 'StringEquals', 'aws:username', 1],
    });
  });

  it('gives the findings parsePolicy gives, in its order, for documents it can read', () => {
    for (const text of [
      '{"Statement":[]}',
      '[]',
      '"text"',
      '{"Version":"2013-01-01","Statement":{"Effect":"allow","Action":[],"Resource":"*","Principal":{}}}',
      '{"Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"x","Resource":"*","NotResource":"*"},null,"x"]}',
      '{"Version":true,"Id":null,"Statement":{"Sid":false,"Effect":"Deny","Action":[null,"a"],"Resource":{"a":"b"},"Foo":1e400}}'.replace(
        '1e400',
        '"x"',
      ),
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true},"StringLike":"x","Foo":{"k":[{}]}}}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"AWS":["1",false],"Service":[]}}}',
      '{"statement":{},"__proto__":{"a":"b"},"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"a\\":b\\\\","Condition":{"StringEquals":{"k\\"":"v:\\u0022"}}}}',
    ]) {
      same(text);
    }
  });

  it('leaves to parsePolicy what JSON.parse does not keep: numbers, repeated names, names starting with a digit, deep nesting', () => {
    for (const text of [
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"k":1.0}}}}',
      '{"Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"AWS":"a","AWS":"b"}}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"b":"x","1":"y"}}}}',
      `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Foo":${'['.repeat(40)}${']'.repeat(40)}}}`,
    ]) {
      expect(parsePolicyWithoutPositions(text, JSON.parse(text)), text).toBeUndefined();
    }
  });
});

describe('compilePolicy', () => {
  it('throws PolicyParseError with findings when the policy is not evaluable', () => {
    try {
      compilePolicy('{"Statement": [{"Effect": "Allow"}]}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyParseError);
      expect((error as PolicyParseError).findings.map((f) => f.code)).toContain('MISSING_ACTION');
    }
    expect(() => compilePolicy('not json')).toThrow(PolicyParseError);
  });

  it('compiles unknown operators (reported as unevaluable, not thrown)', () => {
    const compiled = compilePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Foo: { 'a:b': 'c' } } },
      }),
    );
    expect(compiled.statements[0].hasUnevaluable).toBe(true);
    expect(compiled.statements[0].conditions[0].unevaluableReason).toContain('Foo');
  });

  it('gives a deterministic id when none is given', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}';
    expect(compilePolicy(text).policyId).toBe(compilePolicy(text).policyId);
  });
});

describe('parsePolicyWithoutPositions on text JSON.parse did not read', () => {
  it('ends (undefined or a policy) on an unterminated string instead of scanning forever', () => {
    expect(() => parsePolicyWithoutPositions('{"Version": "2012-10-17', { Version: '2012-10-17' })).not.toThrow();
  });
});
