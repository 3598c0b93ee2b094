import { describe, expect, it } from 'vitest';
import { csvField, writeCsv } from './write-csv';

describe('the CSV writer', () => {
  it('leaves plain fields as they are', () => {
    expect(csvField('alice')).toBe('alice');
    expect(csvField('')).toBe('');
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'a\nb', '"a\nb"'],
    ['a carriage return', 'a\rb', '"a\rb"'],
  ])('quotes a field with %s', (_case, value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('joins fields with commas and rows with LF, without a final line break', () => {
    expect(
      writeCsv([
        ['user', 'arn'],
        ['a,b', 'arn:aws:iam::1:user/a,b'],
      ]),
    ).toBe('user,arn\n"a,b","arn:aws:iam::1:user/a,b"');
  });
});
