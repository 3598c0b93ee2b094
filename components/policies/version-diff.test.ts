import { describe, expect, it } from 'vitest';
import { documentDiff, formatDocument } from './version-diff';

const v1 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const v2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] });

describe('documentDiff', () => {
  it('shows the changed line as removed and added, the rest as shared', () => {
    const lines = documentDiff(v1, v2);
    expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text.trim())).toEqual(['"Action": "s3:GetObject",']);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text.trim())).toEqual(['"Action": "s3:PutObject",']);
    expect(lines.filter((l) => l.kind === 'same').length).toBeGreaterThan(5);
  });

  it('sees no change where only whitespace differs', () => {
    expect(documentDiff(v1, JSON.stringify(JSON.parse(v1), null, 4)).every((l) => l.kind === 'same')).toBe(true);
  });

  it('compares a document that does not parse as text', () => {
    expect(formatDocument('{ not json')).toBe('{ not json');
    expect(documentDiff('{ not json', v1).some((l) => l.kind === 'removed' && l.text === '{ not json')).toBe(true);
  });
});
