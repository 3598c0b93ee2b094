import { describe, expect, it } from 'vitest';
import { nameProblem, pathProblem, tagsProblem } from './iam-rules';

describe('pathProblem', () => {
  it('accepts / and /a/b/', () => {
    expect(pathProblem('/')).toBeUndefined();
    expect(pathProblem('/engineering/backend/')).toBeUndefined();
  });
  it('says in plain words that a path starts and ends with /', () => {
    expect(pathProblem('engineering')).toMatch(/^A path starts and ends with \//);
    expect(pathProblem('/engineering')).toMatch(/^A path starts and ends with \//);
    expect(pathProblem('')).toMatch(/^A path starts and ends with \//);
  });
  it('refuses spaces, non-ASCII and more than 512 characters', () => {
    expect(pathProblem('/a b/')).toMatch(/printable ASCII/);
    expect(pathProblem('/é/')).toMatch(/printable ASCII/);
    expect(pathProblem(`/${'a'.repeat(511)}/`)).toMatch(/at most 512/);
  });
});

describe('nameProblem', () => {
  it('accepts AWS’s name characters', () => {
    expect(nameProblem('alice+ops=1,x.y@z_w-v', 'user')).toBeUndefined();
  });
  it('names the characters that are not allowed', () => {
    expect(nameProblem('bad name!', 'user')).toBe('A user name uses only letters, digits and + = , . @ _ - (not spaces, “!”).');
  });
  it('knows each kind’s length limit', () => {
    expect(nameProblem('a'.repeat(65), 'user')).toMatch(/at most 64/);
    expect(nameProblem('a'.repeat(65), 'group')).toBeUndefined();
    expect(nameProblem('a'.repeat(129), 'group')).toMatch(/at most 128/);
    expect(nameProblem('', 'role')).toBe('Enter a role name.');
  });
});

describe('tagsProblem', () => {
  it('accepts an empty set and ordinary tags', () => {
    expect(tagsProblem([])).toBeUndefined();
    expect(
      tagsProblem([
        { key: 'team', value: 'Data platform' },
        { key: 'cost-center', value: '' },
      ]),
    ).toBeUndefined();
  });
  it('points at the row at fault', () => {
    expect(
      tagsProblem([
        { key: 'a', value: '' },
        { key: 'A', value: 'x' },
      ]),
    ).toMatchObject({ index: 1, field: 'key' });
    expect(tagsProblem([{ key: 'aws:x', value: '' }])).toMatchObject({
      index: 0,
      message: 'Keys starting with aws: are reserved for AWS.',
    });
    expect(tagsProblem([{ key: '', value: 'v' }])).toMatchObject({ index: 0, field: 'key' });
    expect(tagsProblem([{ key: 'k', value: 'x'.repeat(257) }])).toMatchObject({ index: 0, field: 'value' });
    expect(tagsProblem([{ key: 'k<', value: '' }])).toMatchObject({ index: 0, field: 'key' });
  });
  it('counts at most 50', () => {
    expect(tagsProblem(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })))?.message).toMatch(/At most 50/);
  });
});
