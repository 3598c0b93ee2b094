// The trust policy starters are valid trust policies, and the federation ones admit exactly their provider.
import { describe, expect, it } from 'vitest';
import { authorize, compilePolicy, validatePolicy } from '@/lib/policy';
import { accountTrustPolicy, samlTrustPolicy, serviceTrustPolicy, webIdentityTrustPolicy } from './trust-templates';

const SAML = 'arn:aws:iam::123456789012:saml-provider/Okta';
const OIDC = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

describe('trust templates', () => {
  it('are valid trust policies', () => {
    for (const text of [
      serviceTrustPolicy('ec2.amazonaws.com'),
      accountTrustPolicy('123456789012', 'x'),
      samlTrustPolicy(SAML),
      webIdentityTrustPolicy(OIDC, 'sts.amazonaws.com'),
    ]) {
      expect(validatePolicy(text, { policyType: 'trust' }).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('let the named provider federate, with its audience', () => {
    const decide = (text: string, action: string, federated: string, context: Record<string, string>) =>
      authorize(
        {
          action,
          resource: 'arn:aws:iam::123456789012:role/r',
          principal: { arn: federated, accountId: '123456789012', federated },
          resourceAccount: '123456789012',
          context,
        },
        { identity: [], resource: [compilePolicy(text, { policyType: 'trust' })] },
      );
    expect(decide(samlTrustPolicy(SAML), 'sts:AssumeRoleWithSAML', SAML, { 'saml:aud': 'https://signin.aws.amazon.com/saml' })).toBe(
      'allowed',
    );
    expect(
      decide(samlTrustPolicy(SAML), 'sts:AssumeRoleWithSAML', 'arn:aws:iam::123456789012:saml-provider/Other', {
        'saml:aud': 'https://signin.aws.amazon.com/saml',
      }),
    ).not.toBe('allowed');
    const oidc = webIdentityTrustPolicy(OIDC, 'sts.amazonaws.com');
    expect(decide(oidc, 'sts:AssumeRoleWithWebIdentity', OIDC, { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' })).toBe(
      'allowed',
    );
    expect(decide(oidc, 'sts:AssumeRoleWithWebIdentity', OIDC, { 'token.actions.githubusercontent.com:aud': 'other' })).not.toBe('allowed');
  });
});
