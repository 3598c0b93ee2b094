// The explorer's URL state round-trips the question, the tab, the path and the principal.
import { describe, expect, it } from 'vitest';
import { contextText, parseContextText, parseExplorerState, serializeExplorerState } from './url-state';

describe('explorer URL state', () => {
  it('round-trips a full question', () => {
    const state = {
      action: 'iam:CreateUser',
      resource: 'arn:aws:iam::123456789012:user/x',
      context: { 'aws:SourceIp': ['10.0.0.1'], 'aws:TagKeys': ['a', 'b'] },
      tab: 'implicitDeny' as const,
      path: '/example/path/',
      principal: { type: 'role' as const, name: 'ec2-app-role' },
    };
    const params = serializeExplorerState(state);
    expect(parseExplorerState(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('falls back to defaults and leaves them out of the URL', () => {
    const state = parseExplorerState(new URLSearchParams('tab=bogus&path=nope&principal=thing'));
    expect(state).toEqual({ action: '', resource: '*', context: {}, tab: 'allowed', path: '/', principal: undefined });
    expect(serializeExplorerState(state).toString()).toBe('');
  });

  it('reads context text line by line and reports lines without a key', () => {
    const { context, invalid } = parseContextText('aws:SourceIp = 10.0.0.1\n\n=oops\naws:TagKeys=a, b\nno-equals');
    expect(context).toEqual({ 'aws:SourceIp': ['10.0.0.1'], 'aws:TagKeys': ['a', 'b'] });
    expect(invalid).toEqual(['=oops', 'no-equals']);
    expect(contextText(context)).toBe('aws:SourceIp=10.0.0.1\naws:TagKeys=a,b');
  });
});
