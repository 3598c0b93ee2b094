import { describe, expect, it } from 'vitest';
import { SERVICE_MODELS } from '../protocol/model';
import { isPureCreation, isReadOnlyAction, isReadOnlyIamAction } from './write-kinds';

describe('kinds of actions', () => {
  it.each([
    ['iam', 'GetUser', true],
    ['iam', 'ListUsers', true],
    ['iam', 'SimulatePrincipalPolicy', true],
    ['iam', 'GenerateCredentialReport', false],
    ['iam', 'CreateUser', false],
    ['iam', 'TagUser', false],
    ['sts', 'GetCallerIdentity', true],
    ['sts', 'GetAccessKeyInfo', true],
    ['sts', 'DecodeAuthorizationMessage', true],
    ['sts', 'GetSessionToken', false],
    ['sts', 'GetFederationToken', false],
    ['sts', 'AssumeRole', false],
  ] as const)('%s:%s reads only: %s', (service, action, readOnly) => {
    expect(isReadOnlyAction(service, action)).toBe(readOnly);
  });

  it('treats every STS action of the model not known to read as a write', () => {
    const reads = Object.keys(SERVICE_MODELS.sts.operations).filter((action) => isReadOnlyAction('sts', action));
    expect(reads.sort()).toEqual(['DecodeAuthorizationMessage', 'GetAccessKeyInfo', 'GetCallerIdentity']);
  });

  it('counts the Generate… report jobs as changing nothing a cache holds, though they write', () => {
    expect(isReadOnlyIamAction('GenerateServiceLastAccessedDetails')).toBe(true);
    expect(isReadOnlyIamAction('ListRoles')).toBe(true);
    expect(isReadOnlyIamAction('AttachRolePolicy')).toBe(false);
  });

  it('knows the pure creations', () => {
    expect(isPureCreation('CreateRole')).toBe(true);
    expect(isPureCreation('CreatePolicy')).toBe(false);
  });
});
