import { describe, expect, it } from 'vitest';
import { tagChanges, tagsInvalid, tagsOf } from './tags-editor';

describe('the tag editor’s save', () => {
  it('ignores blank rows and trims keys', () => {
    expect(
      tagsOf([
        { key: ' team ', value: 'a' },
        { key: '', value: '' },
      ]),
    ).toEqual([{ key: 'team', value: 'a' }]);
  });
  it('sends only what changed: new and changed keys to set, missing keys to remove', () => {
    const before = [
      { key: 'team', value: 'a' },
      { key: 'env', value: 'prod' },
      { key: 'owner', value: 'x' },
    ];
    const after = [
      { key: 'team', value: 'a' },
      { key: 'env', value: 'dev' },
      { key: 'cost', value: '42' },
    ];
    expect(tagChanges(before, after)).toEqual({
      set: [
        { key: 'env', value: 'dev' },
        { key: 'cost', value: '42' },
      ],
      remove: ['owner'],
    });
    expect(tagChanges(before, before)).toEqual({ set: [], remove: [] });
  });
  it('marks a draft IAM would refuse', () => {
    expect(tagsInvalid([{ key: 'aws:x', value: '' }])).toBe(true);
    expect(tagsInvalid([{ key: '', value: 'orphan value' }])).toBe(true);
    expect(tagsInvalid([{ key: 'ok', value: '' }])).toBe(false);
  });
});
